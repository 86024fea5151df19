package dev.codebuildspec.buildspec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One entry of {@code build-list} or {@code build-graph}; {@code dependOn} is empty for list tasks. */
public record BatchTask(
        String identifier,
        Optional<String> buildspec,
        boolean debugSession,
        List<String> dependOn,
        boolean ignoreFailure,
        BatchEnv env,
        Position position) {

    public BatchTask {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(buildspec, "buildspec");
        dependOn = List.copyOf(dependOn);
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(position, "position");
    }
}
