package dev.codebuildspec.env;

import java.util.Optional;

/**
 * Where {@code parameter-store} and {@code secrets-manager} entries get their values: a secrets
 * file for the CLI, Jenkins credentials for the plugin.
 */
public interface SecretSource {
    Optional<String> parameter(String name);

    /** The secret string of {@code secretId} at a version stage or id (empty: the current one). */
    Optional<String> secret(String secretId, Optional<String> versionStage, Optional<String> versionId);

    SecretSource NONE = new SecretSource() {
        @Override
        public Optional<String> parameter(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<String> secret(String secretId, Optional<String> versionStage, Optional<String> versionId) {
            return Optional.empty();
        }
    };
}
