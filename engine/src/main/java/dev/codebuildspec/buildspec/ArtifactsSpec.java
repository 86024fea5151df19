package dev.codebuildspec.buildspec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code artifacts} section, or one entry of its {@code secondary-artifacts}
 * (a secondary entry has an empty {@link #secondaryArtifacts()} map).
 */
public record ArtifactsSpec(
        List<PathPattern> files,
        Optional<String> name,
        boolean discardPaths,
        Optional<String> baseDirectory,
        List<PathPattern> excludePaths,
        boolean enableSymlinks,
        Optional<String> s3Prefix,
        Map<String, ArtifactsSpec> secondaryArtifacts,
        Position position) {

    public ArtifactsSpec {
        files = List.copyOf(files);
        excludePaths = List.copyOf(excludePaths);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(s3Prefix, "s3Prefix");
        secondaryArtifacts = Collections.unmodifiableMap(new LinkedHashMap<>(secondaryArtifacts));
        Objects.requireNonNull(position, "position");
    }
}
