package dev.codebuildspec.env;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.EnvValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the build's environment with CodeBuild's precedence: the caller's overrides (plain or
 * secret) win over the buildspec's {@code env}, which wins over the image. Buildspec values are
 * literal: nothing is expanded.
 */
public final class EnvironmentResolver {
    private final SecretSource secrets;

    public EnvironmentResolver(SecretSource secrets) {
        this.secrets = secrets;
    }

    public ResolvedEnvironment resolve(Buildspec spec, BuiltInVariables builtIns, Map<String, String> plainOverrides,
            Map<String, String> secretOverrides) throws EnvironmentException {
        Map<String, String> plain = new LinkedHashMap<>(builtIns.asMap());
        Map<String, String> secret = new LinkedHashMap<>();
        for (EnvValue v : spec.env().variables().values()) {
            if (!overridden(v.name(), plainOverrides, secretOverrides)) {
                plain.put(v.name(), v.value());
            }
        }
        // Every reference that does not resolve is reported at once, not only the first.
        List<String> unresolved = new ArrayList<>();
        for (EnvValue v : spec.env().parameterStore().values()) {
            if (!overridden(v.name(), plainOverrides, secretOverrides)) {
                try {
                    secret.put(v.name(), parameter(spec, v));
                } catch (EnvironmentException e) {
                    unresolved.add(e.getMessage());
                }
            }
        }
        for (EnvValue v : spec.env().secretsManager().values()) {
            if (!overridden(v.name(), plainOverrides, secretOverrides)) {
                try {
                    secret.put(v.name(), secret(spec, v));
                } catch (EnvironmentException e) {
                    unresolved.add(e.getMessage());
                }
            }
        }
        if (!unresolved.isEmpty()) {
            throw new EnvironmentException(String.join("; ", unresolved));
        }
        plainOverrides.forEach((k, v) -> {
            plain.remove(k);
            plain.put(k, v);
        });
        secret.putAll(secretOverrides);
        secret.keySet().forEach(plain::remove);
        return new ResolvedEnvironment(plain, secret);
    }

    private static boolean overridden(String name, Map<String, String> plain, Map<String, String> secret) {
        return plain.containsKey(name) || secret.containsKey(name);
    }

    private String parameter(Buildspec spec, EnvValue v) throws EnvironmentException {
        return secrets.parameter(v.value()).orElseThrow(() -> new EnvironmentException(
                "parameter does not exist: " + v.value() + " (env/parameter-store/" + v.name() + " at "
                        + spec.sourceName() + ":" + v.position() + ")" + hint(secrets.parameterMissing(v.value()))));
    }

    private static String hint(String why) {
        return why.isEmpty() ? "" : ": " + why;
    }

    private String secret(Buildspec spec, EnvValue v) throws EnvironmentException {
        String where = " (env/secrets-manager/" + v.name() + " at " + spec.sourceName() + ":" + v.position() + ")";
        SecretReference ref;
        try {
            ref = SecretReference.parse(v.value());
        } catch (IllegalArgumentException e) {
            throw new EnvironmentException(e.getMessage() + where);
        }
        String value = secrets.secret(ref.secretId(), ref.versionStage(), ref.versionId())
                .orElseThrow(() -> new EnvironmentException("secret does not exist: " + v.value() + where
                        + hint(secrets.secretMissing(ref.secretId(), ref.versionStage(), ref.versionId()))));
        if (ref.jsonKey().isEmpty()) {
            return value;
        }
        return jsonField(value, ref.jsonKey().get()).orElseThrow(() -> new EnvironmentException(
                "secret " + ref.secretId() + " has no JSON key '" + ref.jsonKey().get() + "'" + where));
    }

    private static Optional<String> jsonField(String secretString, String key) {
        try {
            JsonElement e = JsonParser.parseString(secretString);
            if (!e.isJsonObject() || !e.getAsJsonObject().has(key)) {
                return Optional.empty();
            }
            JsonElement field = e.getAsJsonObject().get(key);
            if (field.isJsonNull()) {
                return Optional.empty();
            }
            return Optional.of(field.isJsonPrimitive() ? field.getAsString() : field.toString());
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }
}
