package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --batch}: child builds, their logs, artifacts, statuses and the batch record. */
class BatchIT {
    @TempDir
    Path tmp;

    private Workspace workspace(String buildspec) {
        return new Workspace(tmp).buildspec(buildspec)
                .args("--batch", "--artifacts", tmp.resolve("artifacts").toString(), "--logs", tmp.resolve("logs").toString());
    }

    private static Map<String, String> childStatuses(CliResult r) {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonElement b : r.record().getAsJsonArray("builds")) {
            JsonObject o = b.getAsJsonObject();
            m.put(o.get("identifier").getAsString(), o.get("buildStatus").getAsString());
        }
        return m;
    }

    @Test
    void aGraphRunsEachChildInItsOwnContainerAndSourceWithItsIdentifier() throws IOException {
        CliResult r = workspace("""
                version: 0.2
                batch:
                  build-graph:
                    - identifier: first
                    - identifier: second
                      depend-on: [first]
                      env:
                        variables:
                          FLAVOUR: special
                phases:
                  build:
                    commands:
                      - echo "child=$CODEBUILD_BATCH_BUILD_IDENTIFIER flavour=${FLAVOUR:-plain} seen=$(cat out/who.txt 2>/dev/null)"
                      - mkdir -p out && echo "$CODEBUILD_BATCH_BUILD_IDENTIFIER" > out/who.txt
                artifacts:
                  files: ['out/*']
                """).run(TestImages.BUSYBOX);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.record().get("buildBatchStatus").getAsString()).isEqualTo("SUCCEEDED");
        assertThat(childStatuses(r)).containsExactly(Map.entry("first", "SUCCEEDED"), Map.entry("second", "SUCCEEDED"));
        assertThat(r.output()).contains("[first] child=first flavour=plain seen=\n", "[second] child=second flavour=special seen=\n")
                .containsPattern("\\[batch] critical path: first -> second \\(\\d+ s\\)\n");
        assertThat(r.record().getAsJsonArray("criticalPath").toString()).isEqualTo("[\"first\",\"second\"]");
        assertThat(Files.readString(tmp.resolve("artifacts/first/out/who.txt"))).isEqualTo("first\n");
        assertThat(Files.readString(tmp.resolve("artifacts/second/out/who.txt"))).isEqualTo("second\n");
        assertThat(Files.readString(tmp.resolve("logs/second.log"))).contains("child=second").doesNotContain("[second]")
                .doesNotContain("child=first");
        assertThat(tmp.resolve("src/out")).as("children work on copies of the source").doesNotExist();
    }

    @Test
    void aMatrixRunsTheProductOfItsDimensions() {
        CliResult r = workspace("""
                version: 0.2
                batch:
                  build-matrix:
                    dynamic:
                      env:
                        variables:
                          LANGUAGE: [go, java, rust]
                          ARCH: [x86, arm]
                phases:
                  build:
                    commands:
                      - echo "combo $LANGUAGE-$ARCH"
                """).args("--parallel", "2").run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(childStatuses(r)).hasSize(6).containsValues("SUCCEEDED");
        for (String combo : new String[] {"go-x86", "go-arm", "java-x86", "java-arm", "rust-x86", "rust-arm"}) {
            assertThat(r.output()).contains("combo " + combo);
        }
    }

    @Test
    void fastFailStopsRunningSiblingsAndIgnoreFailureDoesNotFailTheBatch() {
        long start = System.nanoTime();
        CliResult r = workspace("""
                version: 0.2
                batch:
                  fast-fail: true
                  build-list:
                    - identifier: slow
                    - identifier: broken
                      env:
                        variables:
                          FAIL: "yes"
                phases:
                  build:
                    commands:
                      - if [ "$FAIL" = yes ]; then sleep 1; exit 1; fi; sleep 120
                """).args("--parallel", "2").run(TestImages.BUSYBOX);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.record().get("buildBatchStatus").getAsString()).isEqualTo("FAILED");
        assertThat(childStatuses(r)).containsEntry("broken", "FAILED").containsEntry("slow", "STOPPED");
        // The closing line names each child that did not succeed and the phase that decided it.
        assertThat(r.output()).contains("codebuild-spec: Batch FAILED: ", "broken FAILED (phase BUILD FAILED "
                + "(COMMAND_EXECUTION_ERROR: ", "slow STOPPED (");

        Path other = tmp.resolve("ignored");
        CliResult ignored = new Workspace(other).buildspec("""
                version: 0.2
                batch:
                  build-list:
                    - identifier: optional
                      ignore-failure: true
                      env:
                        variables:
                          FAIL: "yes"
                    - identifier: required
                phases:
                  build:
                    commands:
                      - if [ "$FAIL" = yes ]; then exit 1; fi
                """).args("--batch", "--logs", other.resolve("logs").toString()).run(TestImages.BUSYBOX);
        assertThat(ignored.exit()).as(ignored.toString()).isZero();
        assertThat(childStatuses(ignored)).containsEntry("optional", "FAILED").containsEntry("required", "SUCCEEDED");
    }

    @Test
    void withoutBatchTheSectionIsIgnored() {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                batch:
                  build-list:
                    - identifier: never
                phases:
                  build:
                    commands:
                      - echo "identifier=[$CODEBUILD_BATCH_BUILD_IDENTIFIER]"
                """).run(TestImages.BUSYBOX);
        assertThat(r.exit()).isZero();
        assertThat(r.commandOutput()).contains("identifier=[]");
        assertThat(r.log()).contains("Ignoring the batch section: this is not a batch build");
    }

    @Test
    void batchWithoutABatchSectionNamesTheFileAndWritesARecord() throws IOException {
        Workspace ws = new Workspace(tmp).buildspec("version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n");
        CliResult r = ws.args("--batch").run(TestImages.BUSYBOX);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("[batch] buildspec.yml has no batch section");
        assertThat(Files.readString(ws.record())).contains("\"buildBatchStatus\": \"FAILED\"");
    }

    @Test
    void childLogsGoUnderTheCacheDirectoryByDefaultNeverIntoTheCheckout() throws IOException {
        Path cache = tmp.resolve("xdg-cache");
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                batch:
                  build-list:
                    - identifier: only
                phases:
                  build:
                    commands:
                      - echo child
                """).processEnv("XDG_CACHE_HOME", cache.toString()).args("--batch").run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isZero();
        Path log = cache.resolve("codebuild-spec/logs/src/only.log");
        assertThat(Files.readString(log)).contains("child");
        assertThat(r.output()).contains("logs in " + log.getParent());
        assertThat(tmp.resolve("codebuild-spec-logs")).doesNotExist();
        assertThat(tmp.resolve("src/codebuild-spec-logs")).doesNotExist();
    }
}
