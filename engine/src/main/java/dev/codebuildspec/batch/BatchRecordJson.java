package dev.codebuildspec.batch;

import dev.codebuildspec.record.PrettyJson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.codebuildspec.record.BuildRecordJson;
import java.util.Map;

/**
 * Writes the batch record: {@code buildBatchStatus} and {@code builds}, one object per child in
 * plan order. A child that ran is its build record as {@link BuildRecordJson} writes it, preceded
 * by {@code identifier}, {@code ignoreFailure} and {@code dependsOn} (CodeBuild's build-group
 * names). A child without a record (not started, or its runner failed) has {@code buildStatus},
 * the times it has, and {@code reason}. {@code criticalPath} (ours) names the chain of children that
 * decided the batch's duration ({@link CriticalPath}).
 */
public final class BatchRecordJson {
    private BatchRecordJson() {
    }

    public static String write(BatchResult batch) {
        return PrettyJson.write(toJson(batch));
    }

    public static JsonObject toJson(BatchResult batch) {
        JsonObject o = new JsonObject();
        o.addProperty("buildBatchStatus", batch.status().name());
        JsonArray builds = new JsonArray();
        for (ChildOutcome child : batch.children()) {
            builds.add(build(child));
        }
        o.add("builds", builds);
        JsonArray critical = new JsonArray();
        batch.criticalPath().forEach(critical::add);
        o.add("criticalPath", critical);
        return o;
    }

    private static JsonObject build(ChildOutcome c) {
        JsonObject o = new JsonObject();
        o.addProperty("identifier", c.identifier());
        o.addProperty("ignoreFailure", c.child().ignoreFailure());
        JsonArray dependsOn = new JsonArray();
        c.child().dependsOn().forEach(dependsOn::add);
        o.add("dependsOn", dependsOn);
        if (c.result().isPresent()) {
            for (Map.Entry<String, JsonElement> e : BuildRecordJson.toJson(c.result().get().record()).entrySet()) {
                o.add(e.getKey(), e.getValue());
            }
        } else {
            o.addProperty("buildStatus", c.status().name());
            c.start().ifPresent(t -> o.addProperty("startTime", t.toString()));
            c.end().ifPresent(t -> o.addProperty("endTime", t.toString()));
        }
        c.reason().ifPresent(r -> o.addProperty("reason", r));
        return o;
    }
}
