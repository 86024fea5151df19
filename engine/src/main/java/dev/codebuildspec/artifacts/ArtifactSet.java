package dev.codebuildspec.artifacts;

import java.util.List;
import java.util.Objects;

/**
 * One artifact set (the primary or one secondary) as planned.
 *
 * @param identifier {@link EvaluatedArtifacts#PRIMARY} ("") for the primary set, else the secondary identifier
 * @param prefix where the set's files go in the archive, "" or ending in '/':
 *     {@code [<identifier>/][<s3-prefix>/][<name>/]}
 * @param entries the set's files with their full archive paths (prefix included), sorted
 * @param selection what the walk found, for the log: unmatched patterns, refusals
 */
public record ArtifactSet(String identifier, String prefix, List<SelectedFile> entries, Selection selection) {
    public ArtifactSet {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(prefix, "prefix");
        entries = List.copyOf(entries);
        Objects.requireNonNull(selection, "selection");
    }

    public boolean isPrimary() {
        return identifier.isEmpty();
    }

    /** "primary artifacts" or "secondary artifact 'out1'", for messages. */
    public String describe() {
        return isPrimary() ? "primary artifacts" : "secondary artifact '" + identifier + "'";
    }
}
