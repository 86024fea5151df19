package dev.codebuildspec.buildspec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code batch} section. Exactly one {@link Kind} is present: {@link #tasks()} is filled for
 * {@code build-list} and {@code build-graph}, {@link #matrix()} for {@code build-matrix},
 * {@link #fanout()} for {@code build-fanout}.
 */
public record BatchSpec(
        boolean fastFail,
        Kind kind,
        List<BatchTask> tasks,
        Optional<BatchMatrix> matrix,
        Optional<BatchFanout> fanout,
        Position position) {

    public enum Kind {
        BUILD_LIST("build-list"),
        BUILD_GRAPH("build-graph"),
        BUILD_MATRIX("build-matrix"),
        BUILD_FANOUT("build-fanout");

        private final String yamlKey;

        Kind(String yamlKey) {
            this.yamlKey = yamlKey;
        }

        public String yamlKey() {
            return yamlKey;
        }
    }

    public BatchSpec {
        Objects.requireNonNull(kind, "kind");
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(fanout, "fanout");
        Objects.requireNonNull(position, "position");
        if (matrix.isPresent() != (kind == Kind.BUILD_MATRIX) || fanout.isPresent() != (kind == Kind.BUILD_FANOUT)) {
            throw new IllegalArgumentException("matrix/fanout must match kind " + kind);
        }
    }
}
