package dev.codebuildspec.record;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A JSON tree as Gson's pretty printing writes it (two-space indent, no HTML escaping), straight through a
 * {@link JsonWriter}: making a {@code Gson} instance costs a short-lived command 15-20 ms (bench P2).
 */
public final class PrettyJson {
    private PrettyJson() {
    }

    public static String write(JsonElement tree) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent("  ");
            w.setHtmlSafe(false);
            w.setSerializeNulls(false);
            element(w, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void element(JsonWriter w, JsonElement e) throws IOException {
        if (e == null || e.isJsonNull()) {
            w.nullValue();
        } else if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isNumber()) {
                w.value(p.getAsNumber());
            } else if (p.isBoolean()) {
                w.value(p.getAsBoolean());
            } else {
                w.value(p.getAsString());
            }
        } else if (e.isJsonArray()) {
            w.beginArray();
            for (JsonElement item : (JsonArray) e) {
                element(w, item);
            }
            w.endArray();
        } else {
            w.beginObject();
            for (Map.Entry<String, JsonElement> m : ((JsonObject) e).entrySet()) {
                w.name(m.getKey());
                element(w, m.getValue());
            }
            w.endObject();
        }
    }
}
