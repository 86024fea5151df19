package dev.codebuildspec.buildspec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of {@code reports}; {@code name} is the report group name or ARN as written. */
public record ReportGroup(
        String name,
        List<PathPattern> files,
        Optional<String> baseDirectory,
        boolean discardPaths,
        ReportFormat fileFormat,
        Position position) {

    public ReportGroup {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(fileFormat, "fileFormat");
        Objects.requireNonNull(position, "position");
    }
}
