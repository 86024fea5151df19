package dev.codebuildspec.buildspec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Environment overrides of a batch task or of {@code build-matrix.static}. Empty optionals mean
 * "inherit from the parent build"; variables keep source order and raw scalar text.
 */
public record BatchEnv(
        Optional<String> computeType,
        Optional<String> fleet,
        Optional<String> image,
        Optional<Boolean> privilegedMode,
        Optional<String> type,
        Map<String, String> variables) {

    public static final BatchEnv NONE = new BatchEnv(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    public BatchEnv {
        Objects.requireNonNull(computeType, "computeType");
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(privilegedMode, "privilegedMode");
        Objects.requireNonNull(type, "type");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
