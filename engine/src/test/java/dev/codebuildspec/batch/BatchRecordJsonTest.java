package dev.codebuildspec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.record.BuildRecord;
import dev.codebuildspec.record.BuildRecordJson;
import dev.codebuildspec.record.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchRecordJsonTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2024-05-01T10:01:00Z");

    private static ChildBuild child(String id, boolean ignoreFailure, String... dependsOn) {
        return new ChildBuild(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                List.of(dependsOn), ignoreFailure, false);
    }

    @Test
    void holdsTheBatchStatusAndOneBuildRecordPerChild() {
        BuildRecord record = new BuildRecord("local:a", "arn:local:a", 7, Status.FAILED, T0, Optional.of(T1),
                "aws/codebuild/standard:7.0", "buildspec.yml", Optional.empty(), "cli", List.of(), Map.of(), List.of(), List.of(), true);
        ChildOutcome ran = new ChildOutcome(child("a", false), Status.FAILED, Optional.of(new BuildResult(record, false, Optional.empty())),
                Optional.of(T0), Optional.of(T1), Optional.empty());
        ChildOutcome blocked = ChildOutcome.notRun(child("b", true, "a"), "dependency a ended FAILED");
        ChildOutcome faulted = new ChildOutcome(child("c", false), Status.FAULT, Optional.empty(), Optional.of(T0),
                Optional.of(T1), Optional.of("the build runner failed: boom"));

        JsonObject json = JsonParser.parseString(BatchRecordJson.write(
                BatchResult.of(List.of(ran, blocked, faulted), false))).getAsJsonObject();

        assertThat(json.get("buildBatchStatus").getAsString()).isEqualTo("FAILED");
        JsonArray builds = json.getAsJsonArray("builds");
        assertThat(builds).hasSize(3);

        JsonObject a = builds.get(0).getAsJsonObject();
        JsonObject expected = BuildRecordJson.toJson(record);
        assertThat(a.keySet()).startsWith("identifier", "ignoreFailure", "dependsOn")
                .containsAll(expected.keySet());
        expected.keySet().forEach(k -> assertThat(a.get(k)).as(k).isEqualTo(expected.get(k)));
        assertThat(a.get("identifier").getAsString()).isEqualTo("a");
        assertThat(a.get("buildStatus").getAsString()).isEqualTo("FAILED");
        assertThat(a.has("reason")).isFalse();

        JsonObject b = builds.get(1).getAsJsonObject();
        assertThat(b.get("identifier").getAsString()).isEqualTo("b");
        assertThat(b.get("ignoreFailure").getAsBoolean()).isTrue();
        assertThat(b.getAsJsonArray("dependsOn")).containsExactly(JsonParser.parseString("\"a\""));
        assertThat(b.get("buildStatus").getAsString()).isEqualTo("STOPPED");
        assertThat(b.has("startTime")).isFalse();
        assertThat(b.get("reason").getAsString()).isEqualTo("dependency a ended FAILED");

        JsonObject c = builds.get(2).getAsJsonObject();
        assertThat(c.get("buildStatus").getAsString()).isEqualTo("FAULT");
        assertThat(c.get("startTime").getAsString()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(c.get("endTime").getAsString()).isEqualTo("2024-05-01T10:01:00Z");

        assertThat(json.getAsJsonArray("criticalPath")).containsExactly(JsonParser.parseString("\"a\""));
    }

    @Test
    void aBuildRecordIsWrittenAsBeforeTheExtraction() {
        BuildRecord record = new BuildRecord("local:x", "arn:local:x", 1, Status.SUCCEEDED, T0, Optional.of(T1),
                "img", "buildspec.yml", Optional.of("abc"), "cli", List.of(), Map.of("K", "v"), List.of(), List.of(), true);
        assertThat(BuildRecordJson.write(record)).startsWith("{\n  \"id\": \"local:x\",").endsWith("}\n")
                .contains("\"exportedEnvironmentVariables\": [");
    }
}
