package dev.codebuildspec.buildspec;

import java.util.Objects;

/** {@code build-fanout}: {@code parallelism} identical builds, each running a shard of the tests. */
public record BatchFanout(int parallelism, boolean ignoreFailure, Position position) {
    public BatchFanout {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
        Objects.requireNonNull(position, "position");
    }
}
