package dev.codebuildspec.artifacts;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What UPLOAD_ARTIFACTS will archive: every set, and the problems that make the phase fail.
 *
 * @param sets the primary set first (when there is one), then the secondary sets in buildspec order
 * @param problems errors: no match, collisions, unusable names; refusals are not problems, they are in
 *     each set's {@link Selection#refused()}
 */
public record ArtifactPlan(List<ArtifactSet> sets, List<String> problems) {
    public ArtifactPlan {
        sets = List.copyOf(sets);
        problems = List.copyOf(problems);
    }

    /**
     * Archive path to source path relative to the source root, sorted by archive path: the shape of Jenkins'
     * {@code ArtifactManager.archive(workspace, launcher, listener, artifacts)}. Kept links appear with the
     * link's own path as the source.
     */
    public Map<String, String> archiveMap() {
        Map<String, String> map = new LinkedHashMap<>();
        entries().forEach(e -> map.put(e.archivePath(), e.sourcePath()));
        return map;
    }

    /** All entries of all sets, sorted by archive path. */
    public List<SelectedFile> entries() {
        return sets.stream().flatMap(s -> s.entries().stream())
                .sorted(Comparator.comparing(SelectedFile::archivePath)).toList();
    }

    /** The CLIENT_ERROR message when the phase must fail, e.g. {@code no matching artifact paths found}. */
    public Optional<String> failure() {
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
