package dev.codebuildspec.driver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the driver needs besides the buildspec. {@code environment} holds plain (non-secret)
 * variables in the order they are exported, later ones winning; secret values never appear
 * here, they reach the driver through its process environment.
 *
 * <p>{@code hostRestoresCache}: the host answers {@link DriverEvent.Type#CACHE_REQUEST} (it keeps a
 * cache). Only then does the driver ask and wait; a host without a cache is never waited for.
 */
public record DriverSettings(DriverMarker marker, String stateDir, String shell, Map<String, String> environment,
        boolean hostRestoresCache) {
    public DriverSettings {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(shell, "shell");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** Settings for a host that answers no request of the driver's. */
    public DriverSettings(DriverMarker marker, String stateDir, String shell, Map<String, String> environment) {
        this(marker, stateDir, shell, environment, false);
    }
}
