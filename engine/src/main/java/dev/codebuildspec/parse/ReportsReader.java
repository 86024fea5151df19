package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.ReportFormat;
import dev.codebuildspec.buildspec.ReportGroup;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code reports}: report group name (or ARN) to files, base-directory, discard-paths, file-format. */
final class ReportsReader {
    private static final Set<String> KEYS = Set.of("files", "base-directory", "discard-paths", "file-format");
    private static final String FORMATS =
            Arrays.stream(ReportFormat.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final NodeReader reader;

    ReportsReader(NodeReader reader) {
        this.reader = reader;
    }

    Map<String, ReportGroup> read(Field f) {
        Map<String, ReportGroup> out = new LinkedHashMap<>();
        reader.mapping(f).ifPresent(groups -> {
            for (Field g : groups.all()) {
                if (g.key().isBlank()) {
                    reader.error(g.position(), "report group name in reports must not be empty");
                    continue;
                }
                reader.mapping(g).ifPresent(fields -> group(g, fields).ifPresent(r -> out.put(g.key(), r)));
            }
        });
        return out;
    }

    private Optional<ReportGroup> group(Field g, Fields fields) {
        fields.warnUnknown(KEYS, reader.diagnostics());
        var files = reader.scalarList(fields, "files", true).stream().map(Text::toPathPattern).toList();
        if (files.isEmpty()) {
            reader.error(fields.get("files").map(Field::position).orElse(g.position()),
                    g.path() + ".files is " + (fields.has("files") ? "empty" : "missing")
                            + "; every report group needs a files list");
        }
        ReportFormat format = fields.get("file-format").flatMap(this::format).orElse(ReportFormat.DEFAULT);
        return Optional.of(new ReportGroup(g.key(), files, reader.optionalNonEmpty(fields, "base-directory"),
                reader.bool(fields, "discard-paths", false), format, g.position()));
    }

    private Optional<ReportFormat> format(Field f) {
        return reader.nonEmptyScalar(f).flatMap(t -> {
            Optional<ReportFormat> format = ReportFormat.fromYaml(t.value());
            if (format.isEmpty()) {
                reader.error(t.position(), f.path() + ": unknown report format " + Nodes.quote(t.value())
                        + ". Expecting one of: " + FORMATS);
            }
            return format;
        });
    }
}
