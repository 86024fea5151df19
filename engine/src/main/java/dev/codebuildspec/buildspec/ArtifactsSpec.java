package dev.codebuildspec.buildspec;

import java.io.Serializable;
import java.util.ArrayList;
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
        Position position) implements Serializable {

    public ArtifactsSpec {
        files = List.copyOf(files);
        excludePaths = List.copyOf(excludePaths);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(s3Prefix, "s3Prefix");
        secondaryArtifacts = Collections.unmodifiableMap(new LinkedHashMap<>(secondaryArtifacts));
        Objects.requireNonNull(position, "position");
    }

    /** Optional is not serializable: the spec travels (to a Jenkins agent) as this proxy. */
    private Object writeReplace() {
        return new Form(this);
    }

    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ArrayList<PathPattern> files;
        private final String name;
        private final boolean discardPaths;
        private final String baseDirectory;
        private final ArrayList<PathPattern> excludePaths;
        private final boolean enableSymlinks;
        private final String s3Prefix;
        private final LinkedHashMap<String, ArtifactsSpec> secondaryArtifacts;
        private final Position position;

        Form(ArtifactsSpec s) {
            files = new ArrayList<>(s.files);
            name = s.name.orElse(null);
            discardPaths = s.discardPaths;
            baseDirectory = s.baseDirectory.orElse(null);
            excludePaths = new ArrayList<>(s.excludePaths);
            enableSymlinks = s.enableSymlinks;
            s3Prefix = s.s3Prefix.orElse(null);
            secondaryArtifacts = new LinkedHashMap<>(s.secondaryArtifacts);
            position = s.position;
        }

        private Object readResolve() {
            return new ArtifactsSpec(files, Optional.ofNullable(name), discardPaths, Optional.ofNullable(baseDirectory),
                    excludePaths, enableSymlinks, Optional.ofNullable(s3Prefix), secondaryArtifacts, position);
        }
    }
}
