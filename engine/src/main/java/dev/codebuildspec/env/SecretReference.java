package dev.codebuildspec.env;

import java.util.Arrays;
import java.util.Optional;

/**
 * A {@code secrets-manager} reference {@code secret-id:json-key:version-stage:version-id}. The
 * secret id may be an ARN, which has colons of its own: its first seven fields are the id.
 */
public record SecretReference(String secretId, Optional<String> jsonKey, Optional<String> versionStage,
        Optional<String> versionId) {

    private static final int ARN_FIELDS = 7;

    public static SecretReference parse(String reference) {
        String[] parts = reference.split(":", -1);
        int idFields = reference.startsWith("arn:") ? Math.min(ARN_FIELDS, parts.length) : 1;
        String id = String.join(":", Arrays.copyOfRange(parts, 0, idFields));
        if (id.isEmpty()) {
            throw new IllegalArgumentException("secret reference '" + reference + "' has no secret id");
        }
        int rest = parts.length - idFields;
        if (rest > 3) {
            throw new IllegalArgumentException("secret reference '" + reference
                    + "' has too many fields; expected secret-id:json-key:version-stage:version-id");
        }
        Optional<String> stage = field(parts, idFields + 1);
        Optional<String> version = field(parts, idFields + 2);
        if (stage.isPresent() && version.isPresent()) {
            throw new IllegalArgumentException("secret reference '" + reference
                    + "' names both a version stage and a version id; use one");
        }
        return new SecretReference(id, field(parts, idFields), stage, version);
    }

    private static Optional<String> field(String[] parts, int i) {
        return i < parts.length && !parts[i].isEmpty() ? Optional.of(parts[i]) : Optional.empty();
    }
}
