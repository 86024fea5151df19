package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.PathPattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code artifacts} and its {@code secondary-artifacts}. */
final class ArtifactsReader {
    private static final Set<String> SECONDARY_KEYS = Set.of("files", "name", "discard-paths", "base-directory",
            "exclude-paths", "enable-symlinks", "s3-prefix");
    private static final Set<String> PRIMARY_KEYS = Stream.concat(SECONDARY_KEYS.stream(),
            Stream.of("secondary-artifacts")).collect(Collectors.toUnmodifiableSet());

    private final NodeReader reader;

    ArtifactsReader(NodeReader reader) {
        this.reader = reader;
    }

    Optional<ArtifactsSpec> read(Field f) {
        return reader.mapping(f).map(fields -> {
            fields.warnUnknown(PRIMARY_KEYS, reader.diagnostics());
            Map<String, ArtifactsSpec> secondary = fields.get("secondary-artifacts")
                    .map(this::secondary).orElse(Map.of());
            List<PathPattern> files = files(fields);
            if (files.isEmpty() && !fields.has("files") && fields.has("secondary-artifacts")) {
                // CodeBuild only says this at upload time; catching it before the build is kinder.
                reader.error(f.position(), "no definition for primary artifacts in buildspec: artifacts.files is "
                        + "required even when only secondary-artifacts are used");
            } else if (files.isEmpty() && !fields.has("files")) {
                reader.error(f.position(), f.path() + ".files is missing; artifacts needs a files list");
            }
            return build(fields, files, secondary, f);
        });
    }

    private Map<String, ArtifactsSpec> secondary(Field f) {
        Map<String, ArtifactsSpec> out = new LinkedHashMap<>();
        reader.mapping(f).ifPresent(ids -> {
            for (Field s : ids.all()) {
                if (!NodeReader.ALPHANUMERIC_ID.matcher(s.key()).matches()) {
                    reader.error(s.position(), "secondary artifact identifier " + Nodes.quote(s.key())
                            + " must contain only letters, digits and underscores");
                }
                reader.mapping(s).ifPresent(fields -> {
                    fields.warnUnknown(SECONDARY_KEYS, reader.diagnostics());
                    List<PathPattern> files = files(fields);
                    if (!fields.has("files")) {
                        reader.error(s.position(), s.path() + ".files is missing; every secondary artifact needs "
                                + "a files list");
                    }
                    out.put(s.key(), build(fields, files, Map.of(), s));
                });
            }
        });
        return out;
    }

    private List<PathPattern> files(Fields fields) {
        Optional<Field> files = fields.get("files");
        if (files.isEmpty()) {
            return List.of();
        }
        List<PathPattern> out = reader.scalarList(files.get(), true).stream().map(Text::toPathPattern).toList();
        if (Nodes.isEmptyNull(files.get().value())
                || (files.get().value() instanceof SequenceNode s && s.getValue().isEmpty())) {
            reader.error(files.get().position(), files.get().path() + " is empty; list at least one path");
        }
        return out;
    }

    private ArtifactsSpec build(Fields fields, List<PathPattern> files, Map<String, ArtifactsSpec> secondary,
            Field owner) {
        return new ArtifactsSpec(
                files,
                reader.optionalNonEmpty(fields, "name"),
                reader.bool(fields, "discard-paths", false),
                reader.optionalNonEmpty(fields, "base-directory"),
                reader.scalarList(fields, "exclude-paths", true).stream().map(Text::toPathPattern).toList(),
                reader.bool(fields, "enable-symlinks", false),
                reader.optionalNonEmpty(fields, "s3-prefix"),
                secondary,
                owner.position());
    }
}
