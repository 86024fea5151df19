package dev.codebuildspec.env;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The build's variables, split by how they travel: {@code plain} ones are written into the
 * driver script, {@code secret} ones only ever live in the environment of the process that runs
 * {@code docker exec} (and inside the container).
 */
public record ResolvedEnvironment(Map<String, String> plain, Map<String, String> secret) {
    public ResolvedEnvironment {
        plain = Collections.unmodifiableMap(new LinkedHashMap<>(plain));
        secret = Collections.unmodifiableMap(new LinkedHashMap<>(secret));
    }

    public Set<String> secretValues() {
        return Set.copyOf(secret.values());
    }
}
