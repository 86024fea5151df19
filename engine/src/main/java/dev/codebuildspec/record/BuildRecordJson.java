package dev.codebuildspec.record;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;

/**
 * Writes the build record in the shape of CodeBuild's {@code BatchGetBuilds} build object, plus {@code steps}
 * (ours: the cache, report and upload work with its times, for a timeline).
 */
public final class BuildRecordJson {
    private BuildRecordJson() {
    }

    public static String write(BuildRecord r) {
        return PrettyJson.write(toJson(r));
    }

    /** The build object itself, for records that embed it (a batch record holds one per child). */
    public static JsonObject toJson(BuildRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("id", r.id());
        o.addProperty("arn", r.arn());
        o.addProperty("buildNumber", r.buildNumber());
        o.addProperty("buildStatus", r.buildStatus().name());
        o.addProperty("buildComplete", r.complete());
        o.addProperty("startTime", time(r.startTime()));
        r.endTime().ifPresent(t -> o.addProperty("endTime", time(t)));
        r.phases().stream()
                .filter(p -> p.status() == Status.IN_PROGRESS)
                .findFirst()
                .ifPresent(p -> o.addProperty("currentPhase", p.type().name()));
        o.addProperty("initiator", r.initiator());
        JsonObject env = new JsonObject();
        env.addProperty("type", "LINUX_CONTAINER");
        env.addProperty("image", r.image());
        o.add("environment", env);
        o.addProperty("buildspec", r.sourceName());
        r.resolvedSourceVersion().ifPresent(v -> o.addProperty("resolvedSourceVersion", v));
        JsonArray phases = new JsonArray();
        for (PhaseRecord p : r.phases()) {
            phases.add(phase(p));
        }
        o.add("phases", phases);
        JsonArray exported = new JsonArray();
        r.exportedVariables().forEach((name, value) -> {
            JsonObject v = new JsonObject();
            v.addProperty("name", name);
            v.addProperty("value", value);
            exported.add(v);
        });
        o.add("exportedEnvironmentVariables", exported);
        JsonArray secondary = new JsonArray();
        for (ArtifactRecord a : r.artifacts()) {
            if (a.identifier().isEmpty()) {
                o.add("artifacts", artifact(a));
            } else {
                secondary.add(artifact(a));
            }
        }
        if (!secondary.isEmpty()) {
            o.add("secondaryArtifacts", secondary);
        }
        if (!r.reports().isEmpty()) {
            JsonArray reports = new JsonArray();
            r.reports().forEach(g -> reports.add(ReportJson.of(g)));
            o.add("reports", reports);
        }
        if (!r.steps().isEmpty()) {
            JsonArray steps = new JsonArray();
            r.steps().forEach(step -> steps.add(step(step)));
            o.add("steps", steps);
        }
        return o;
    }

    private static JsonObject step(StepRecord s) {
        JsonObject o = new JsonObject();
        o.addProperty("name", s.name().name());
        s.phase().ifPresent(p -> o.addProperty("phaseType", p.name()));
        o.addProperty("status", s.status().name());
        o.addProperty("startTime", time(s.start()));
        o.addProperty("endTime", time(s.end()));
        o.addProperty("durationInMillis", s.durationInMillis());
        return o;
    }

    private static JsonObject artifact(ArtifactRecord a) {
        JsonObject o = new JsonObject();
        if (!a.identifier().isEmpty()) {
            o.addProperty("artifactIdentifier", a.identifier());
        }
        o.addProperty("location", a.location());
        JsonArray files = new JsonArray();
        a.files().forEach(files::add);
        o.add("files", files);
        return o;
    }

    private static JsonObject phase(PhaseRecord p) {
        JsonObject o = new JsonObject();
        o.addProperty("phaseType", p.type().name());
        o.addProperty("phaseStatus", p.status().name());
        o.addProperty("startTime", time(p.start()));
        p.end().ifPresent(e -> {
            o.addProperty("endTime", time(e));
            o.addProperty("durationInSeconds", p.durationInSeconds());
        });
        JsonArray contexts = new JsonArray();
        for (PhaseContext c : p.contexts()) {
            JsonObject co = new JsonObject();
            co.addProperty("statusCode", c.statusCode());
            co.addProperty("message", c.message());
            contexts.add(co);
        }
        o.add("contexts", contexts);
        return o;
    }

    private static String time(Instant t) {
        return t.toString();
    }
}
