package dev.codebuildspec.env;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The CLI's stand-in for Parameter Store and Secrets Manager, a JSON file:
 * <pre>{
 *   "parameter-store": { "/app/db/password": "value" },
 *   "secrets-manager": {
 *     "prod/db": "{\"username\":\"app\",\"password\":\"value\"}",
 *     "prod/api": { "AWSCURRENT": "new", "AWSPREVIOUS": "old", "3f2a-version-id": "older" }
 *   }
 * }</pre>
 * A secret given as a plain string is its AWSCURRENT version.
 */
public final class SecretsFile implements SecretSource {
    private static final String CURRENT = "AWSCURRENT";
    private final JsonObject parameters;
    private final JsonObject secrets;

    private final String name;

    private SecretsFile(JsonObject parameters, JsonObject secrets, String name) {
        this.parameters = parameters;
        this.secrets = secrets;
        this.name = name;
    }

    @Override
    public String parameterMissing(String parameter) {
        return "not in the secrets file " + name + " (\"parameter-store\": {\"" + parameter + "\": \"...\"})";
    }

    @Override
    public String secretMissing(String secretId, Optional<String> versionStage, Optional<String> versionId) {
        return "not in the secrets file " + name + " (\"secrets-manager\": {\"" + secretId + "\": ...})";
    }

    public static SecretsFile read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not valid UTF-8");
        }
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new IOException(file + ": expected a JSON object with \"parameter-store\" and \"secrets-manager\"");
            }
            JsonObject o = root.getAsJsonObject();
            for (String key : o.keySet()) {
                if (!key.equals("parameter-store") && !key.equals("secrets-manager")) {
                    throw new IOException(file + ": unknown key \"" + key
                            + "\"; expected \"parameter-store\" and \"secrets-manager\"");
                }
            }
            return new SecretsFile(object(o, "parameter-store", file), object(o, "secrets-manager", file), file.toString());
        } catch (JsonParseException e) {
            // Gson's message may quote the file's content; say where, not what.
            throw new IOException(file + ": not valid JSON");
        }
    }

    private static JsonObject object(JsonObject o, String key, Path file) throws IOException {
        JsonElement e = o.get(key);
        if (e == null) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw new IOException(file + ": \"" + key + "\" must be an object of names to values");
        }
        return e.getAsJsonObject();
    }

    @Override
    public Optional<String> parameter(String name) {
        return string(parameters.get(name));
    }

    @Override
    public Optional<String> secret(String secretId, Optional<String> versionStage, Optional<String> versionId) {
        JsonElement e = secrets.get(secretId);
        if (e == null) {
            e = secrets.get(nameOfArn(secretId));
        }
        if (e == null) {
            return Optional.empty();
        }
        String version = versionId.or(() -> versionStage).orElse(CURRENT);
        if (e.isJsonObject()) {
            return string(e.getAsJsonObject().get(version));
        }
        return version.equals(CURRENT) ? string(e) : Optional.empty();
    }

    /** {@code arn:aws:secretsmanager:region:account:secret:name} names the secret {@code name}. */
    private static String nameOfArn(String id) {
        String[] p = id.split(":", 7);
        return p.length == 7 && p[0].equals("arn") ? p[6] : id;
    }

    private static Optional<String> string(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? Optional.of(e.getAsString()) : Optional.empty();
    }

    /** For tests and callers that build the file's content in memory. */
    public static SecretsFile of(Map<String, String> parameters, Map<String, String> secrets) {
        JsonObject p = new JsonObject();
        parameters.forEach(p::addProperty);
        JsonObject s = new JsonObject();
        secrets.forEach(s::addProperty);
        return new SecretsFile(p, s, "given");
    }
}
