package dev.codebuildspec.artifacts;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link FileSelection} found.
 *
 * @param files the entries, sorted by archive path; on a collision only the first source is kept here
 * @param baseDirectories the directories (relative to the root) the base directory selected, sorted
 * @param unmatchedPatterns include patterns, as written, that matched no file in any base directory
 * @param directoryPatterns include patterns that named a directory and so selected its files recursively
 * @param refused what was not collected and why
 * @param collisions archive paths claimed by two different sources
 */
public record Selection(
        List<SelectedFile> files,
        List<String> baseDirectories,
        List<String> unmatchedPatterns,
        List<String> directoryPatterns,
        List<Refusal> refused,
        List<Collision> collisions) {

    public Selection {
        files = List.copyOf(files);
        baseDirectories = List.copyOf(baseDirectories);
        unmatchedPatterns = List.copyOf(unmatchedPatterns);
        directoryPatterns = List.copyOf(directoryPatterns);
        refused = List.copyOf(refused);
        collisions = List.copyOf(collisions);
    }

    /** The lines to log, in CodeBuild's wording where it has one. */
    public List<String> logLines() {
        List<String> lines = new ArrayList<>();
        unmatchedPatterns.forEach(p -> lines.add("Skipping invalid file path " + p));
        directoryPatterns.forEach(p -> lines.add(p + " is a directory; collecting its files recursively"));
        refused.forEach(r -> lines.add(r.toString()));
        return lines;
    }
}
