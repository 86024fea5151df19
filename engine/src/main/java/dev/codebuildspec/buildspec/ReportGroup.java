package dev.codebuildspec.buildspec;

import java.io.Serializable;
import java.util.ArrayList;
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
        Position position) implements Serializable {

    public ReportGroup {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(fileFormat, "fileFormat");
        Objects.requireNonNull(position, "position");
    }

    /** Optional is not serializable: the group travels (to a Jenkins agent) as this proxy. */
    private Object writeReplace() {
        return new Form(this);
    }

    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final ArrayList<PathPattern> files;
        private final String baseDirectory;
        private final boolean discardPaths;
        private final ReportFormat fileFormat;
        private final Position position;

        Form(ReportGroup g) {
            name = g.name;
            files = new ArrayList<>(g.files);
            baseDirectory = g.baseDirectory.orElse(null);
            discardPaths = g.discardPaths;
            fileFormat = g.fileFormat;
            position = g.position;
        }

        private Object readResolve() {
            return new ReportGroup(name, files, Optional.ofNullable(baseDirectory), discardPaths, fileFormat, position);
        }
    }
}
