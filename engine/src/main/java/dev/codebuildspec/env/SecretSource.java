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

    /**
     * What the build's failure says after a parameter that did not resolve: where it was looked for, how it is supplied
     * or which option would allow it; "" when there is nothing to add.
     */
    default String parameterMissing(String name) {
        return "";
    }

    /** As {@link #parameterMissing}, for a secret. */
    default String secretMissing(String secretId, Optional<String> versionStage, Optional<String> versionId) {
        return "";
    }

    SecretSource NONE = new SecretSource() {
        @Override
        public Optional<String> parameter(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<String> secret(String secretId, Optional<String> versionStage, Optional<String> versionId) {
            return Optional.empty();
        }

        @Override
        public String parameterMissing(String name) {
            return LOCALLY;
        }

        @Override
        public String secretMissing(String secretId, Optional<String> versionStage, Optional<String> versionId) {
            return LOCALLY;
        }
    };

    /** How a laptop's build gets such values (the CLI's own source). */
    String LOCALLY = "no secrets file was given: supply the value with --secrets-file FILE";
}
