package dev.codebuildspec.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The build record in the shape of CodeBuild's {@code BatchGetBuilds} build object. */
class BuildRecordJsonTest {
    private static final Instant T0 = Instant.parse("2024-01-31T12:00:00Z");

    private static BuildRecord record(Status status, Optional<Instant> end, List<PhaseRecord> phases,
            Map<String, String> exported, boolean complete) {
        return new BuildRecord("proj:uuid-1", "arn:aws:codebuild:local:000000000000:build/proj:uuid-1", 7, status, T0,
                end, "aws/codebuild/standard:7.0", "buildspec.yml", Optional.of("0123abcd"), "alice", phases, exported,
                List.of(), List.of(), complete);
    }

    private static JsonObject json(BuildRecord r) {
        String text = BuildRecordJson.write(r);
        assertThat(text).endsWith("}\n");
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static JsonObject finished() {
        Map<String, String> exported = new LinkedHashMap<>();
        exported.put("VERSION", "1.2.3");
        exported.put("TOKEN", "***");
        exported.put("ODD", "<a & \"b\">\nline2 ✓");
        List<PhaseRecord> phases = List.of(
                new PhaseRecord(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, T0, Optional.of(T0.plusMillis(1999)),
                        List.of()),
                new PhaseRecord(PhaseType.BUILD, Status.FAILED, T0.plusSeconds(2), Optional.of(T0.plusSeconds(65)),
                        List.of(new PhaseContext(PhaseContext.COMMAND_EXECUTION_ERROR,
                                "Error while executing command: make. Reason: exit status 2"))));
        return json(record(Status.FAILED, Optional.of(T0.plusSeconds(70)), phases, exported, true));
    }

    @Test
    void theBuildHasCodeBuildsFieldNames() {
        JsonObject o = finished();
        assertThat(o.get("id").getAsString()).isEqualTo("proj:uuid-1");
        assertThat(o.get("arn").getAsString()).isEqualTo("arn:aws:codebuild:local:000000000000:build/proj:uuid-1");
        assertThat(o.get("buildNumber").getAsLong()).isEqualTo(7);
        assertThat(o.get("buildStatus").getAsString()).isEqualTo("FAILED");
        assertThat(o.get("buildComplete").getAsBoolean()).isTrue();
        assertThat(o.get("startTime").getAsString()).isEqualTo("2024-01-31T12:00:00Z");
        assertThat(o.get("endTime").getAsString()).isEqualTo("2024-01-31T12:01:10Z");
        assertThat(o.get("initiator").getAsString()).isEqualTo("alice");
        assertThat(o.getAsJsonObject("environment").get("image").getAsString()).isEqualTo("aws/codebuild/standard:7.0");
        assertThat(o.getAsJsonObject("environment").get("type").getAsString()).isEqualTo("LINUX_CONTAINER");
        assertThat(o.get("buildspec").getAsString()).isEqualTo("buildspec.yml");
        assertThat(o.get("resolvedSourceVersion").getAsString()).isEqualTo("0123abcd");
        assertThat(o.has("currentPhase")).isFalse();
    }

    @Test
    void phasesHaveTypeStatusTimesDurationAndContexts() {
        JsonArray phases = finished().getAsJsonArray("phases");
        assertThat(phases).hasSize(2);
        JsonObject source = phases.get(0).getAsJsonObject();
        assertThat(source.get("phaseType").getAsString()).isEqualTo("DOWNLOAD_SOURCE");
        assertThat(source.get("phaseStatus").getAsString()).isEqualTo("SUCCEEDED");
        assertThat(source.get("durationInSeconds").getAsLong()).isEqualTo(1);
        assertThat(source.getAsJsonArray("contexts")).isEmpty();
        JsonObject build = phases.get(1).getAsJsonObject();
        assertThat(build.keySet()).containsExactly(
                "phaseType", "phaseStatus", "startTime", "endTime", "durationInSeconds", "contexts");
        assertThat(build.get("phaseType").getAsString()).isEqualTo("BUILD");
        assertThat(build.get("phaseStatus").getAsString()).isEqualTo("FAILED");
        assertThat(build.get("startTime").getAsString()).isEqualTo("2024-01-31T12:00:02Z");
        assertThat(build.get("endTime").getAsString()).isEqualTo("2024-01-31T12:01:05Z");
        assertThat(build.get("durationInSeconds").getAsLong()).isEqualTo(63);
        JsonObject context = build.getAsJsonArray("contexts").get(0).getAsJsonObject();
        assertThat(context.get("statusCode").getAsString()).isEqualTo("COMMAND_EXECUTION_ERROR");
        assertThat(context.get("message").getAsString())
                .isEqualTo("Error while executing command: make. Reason: exit status 2");
    }

    @Test
    void exportedVariablesAreNameValuePairsInOrderAndRoundTrip() {
        JsonArray exported = finished().getAsJsonArray("exportedEnvironmentVariables");
        assertThat(exported).hasSize(3);
        assertThat(exported.get(0).getAsJsonObject().keySet()).containsExactly("name", "value");
        assertThat(exported.get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("VERSION");
        assertThat(exported.get(1).getAsJsonObject().get("value").getAsString()).isEqualTo("***");
        assertThat(exported.get(2).getAsJsonObject().get("value").getAsString()).isEqualTo("<a & \"b\">\nline2 ✓");
    }

    @Test
    void aRunningPhaseHasNoEndAndIsTheCurrentPhase() {
        List<PhaseRecord> phases = List.of(
                new PhaseRecord(PhaseType.INSTALL, Status.SUCCEEDED, T0, Optional.of(T0.plusSeconds(3)), List.of()),
                PhaseRecord.started(PhaseType.BUILD, T0.plusSeconds(3)));
        JsonObject o = json(record(Status.IN_PROGRESS, Optional.empty(), phases, Map.of(), false));
        assertThat(o.has("endTime")).isFalse();
        assertThat(o.get("buildComplete").getAsBoolean()).isFalse();
        assertThat(o.get("buildStatus").getAsString()).isEqualTo("IN_PROGRESS");
        assertThat(o.get("currentPhase").getAsString()).isEqualTo("BUILD");
        JsonObject build = o.getAsJsonArray("phases").get(1).getAsJsonObject();
        assertThat(build.get("phaseStatus").getAsString()).isEqualTo("IN_PROGRESS");
        assertThat(build.has("endTime")).isFalse();
        assertThat(build.has("durationInSeconds")).isFalse();
        assertThat(o.getAsJsonArray("exportedEnvironmentVariables")).isEmpty();
    }

    @Test
    void collectedArtifactsAreListedPrimaryAndSecondaryApart() {
        BuildRecord r = new BuildRecord("p:u", "arn", 1, Status.SUCCEEDED, T0, Optional.of(T0), "img", "b.yml",
                Optional.empty(), "bob", List.of(), Map.of(),
                List.of(new ArtifactRecord("", "", List.of("app.jar")),
                        new ArtifactRecord("docs", "docs", List.of("docs/index.html"))), List.of(), true);
        JsonObject o = json(r);
        assertThat(o.getAsJsonObject("artifacts").getAsJsonArray("files").get(0).getAsString()).isEqualTo("app.jar");
        assertThat(o.getAsJsonObject("artifacts").has("artifactIdentifier")).isFalse();
        JsonObject docs = o.getAsJsonArray("secondaryArtifacts").get(0).getAsJsonObject();
        assertThat(docs.get("artifactIdentifier").getAsString()).isEqualTo("docs");
        assertThat(docs.getAsJsonArray("files").get(0).getAsString()).isEqualTo("docs/index.html");
    }

    @Test
    void anUnknownSourceVersionIsLeftOut() {
        BuildRecord r = new BuildRecord("p:u", "arn", 1, Status.SUCCEEDED, T0, Optional.of(T0), "img", "inline",
                Optional.empty(), "bob", List.of(), Map.of(), List.of(), List.of(), true);
        JsonObject o = json(r);
        assertThat(o.has("resolvedSourceVersion")).isFalse();
        assertThat(o.getAsJsonArray("phases")).isEmpty();
    }

    @Test
    void theTextIsPrettyAndNotHtmlEscaped() {
        Map<String, String> exported = Map.of("X", "<tag>&'=");
        String text = BuildRecordJson.write(record(Status.SUCCEEDED, Optional.of(T0), List.of(), exported, true));
        assertThat(text).contains("\"value\": \"<tag>&'=\"").contains("\n  \"buildStatus\": \"SUCCEEDED\",\n");
    }

    @Test
    void stepsAreWrittenWithTheirPhaseAndTimesWhenThereAreAny() {
        StepRecord restore = new StepRecord(StepRecord.Name.CACHE_RESTORE, Optional.of(PhaseType.INSTALL),
                T0.plusSeconds(3), T0.plusMillis(4250), Status.SUCCEEDED);
        StepRecord upload = new StepRecord(StepRecord.Name.ARTIFACTS_UPLOAD, Optional.empty(), T0.plusSeconds(9),
                T0.plusSeconds(10), Status.FAILED);
        BuildRecord r = new BuildRecord("p:u", "arn", 1, Status.SUCCEEDED, T0, Optional.of(T0.plusSeconds(11)), "img",
                "b.yml", Optional.empty(), "cli", List.of(), Map.of(), List.of(), List.of(), true, List.of(restore, upload));
        JsonArray steps = json(r).getAsJsonArray("steps");
        assertThat(steps).hasSize(2);
        JsonObject first = steps.get(0).getAsJsonObject();
        assertThat(first.get("name").getAsString()).isEqualTo("CACHE_RESTORE");
        assertThat(first.get("phaseType").getAsString()).isEqualTo("INSTALL");
        assertThat(first.get("status").getAsString()).isEqualTo("SUCCEEDED");
        assertThat(first.get("startTime").getAsString()).isEqualTo("2024-01-31T12:00:03Z");
        assertThat(first.get("endTime").getAsString()).isEqualTo("2024-01-31T12:00:04.250Z");
        assertThat(first.get("durationInMillis").getAsLong()).isEqualTo(1250);
        assertThat(steps.get(1).getAsJsonObject().has("phaseType")).isFalse();
        assertThat(steps.get(1).getAsJsonObject().get("status").getAsString()).isEqualTo("FAILED");

        assertThat(json(record(Status.SUCCEEDED, Optional.of(T0), List.of(), Map.of(), true)).has("steps")).isFalse();
    }
}
