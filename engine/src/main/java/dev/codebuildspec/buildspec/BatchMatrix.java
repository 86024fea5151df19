package dev.codebuildspec.buildspec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code build-matrix}: {@code static} settings shared by every child build, and {@code dynamic}
 * lists whose Cartesian product gives one child build per combination.
 */
public record BatchMatrix(Static staticConfig, Dynamic dynamic, Position position) {

    public BatchMatrix {
        Objects.requireNonNull(staticConfig, "staticConfig");
        Objects.requireNonNull(dynamic, "dynamic");
        Objects.requireNonNull(position, "position");
    }

    public record Static(boolean ignoreFailure, BatchEnv env) {
        public static final Static NONE = new Static(false, BatchEnv.NONE);

        public Static {
            Objects.requireNonNull(env, "env");
        }
    }

    public record Dynamic(
            List<String> buildspecs,
            List<String> computeTypes,
            List<String> images,
            Map<String, List<String>> variables) {

        public static final Dynamic NONE = new Dynamic(List.of(), List.of(), List.of(), Map.of());

        public Dynamic {
            buildspecs = List.copyOf(buildspecs);
            computeTypes = List.copyOf(computeTypes);
            images = List.copyOf(images);
            LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
            variables.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            variables = Collections.unmodifiableMap(copy);
        }
    }
}
