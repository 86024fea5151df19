package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** CodeBuild's phase transition table, finally, on-failure and its RETRY forms, as a user sees them. */
class PhaseTransitionsIT {
    private static final String IMAGE = TestImages.BUSYBOX;

    private static final List<String> ALL_PHASES = List.of("DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD",
            "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING");

    /** Fails on its first {@code failures} runs, then succeeds; the count lives in the source dir. */
    private static String counter(int failures, int status) {
        return "n=$(cat \"$CODEBUILD_SRC_DIR/count\" 2>/dev/null || echo 0); n=$((n+1)); "
                + "echo $n >\"$CODEBUILD_SRC_DIR/count\"; echo \"attempt $n\"; [ $n -gt " + failures + " ] || exit "
                + status;
    }

    private static int count(Workspace ws) throws IOException {
        return Integer.parseInt(Files.readString(ws.src().resolve("count")).trim());
    }

    @ParameterizedTest
    @MethodSource("dev.codebuildspec.cli.it.Images#shells")
    void successfulBuildEntersEveryPhaseAndExitsZero(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "succeeding=$CODEBUILD_BUILD_SUCCEEDING"
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.buildStatus()).isEqualTo("SUCCEEDED");
        assertThat(r.phaseStatuses()).containsExactly(
                Map.entry("DOWNLOAD_SOURCE", "SUCCEEDED"), Map.entry("INSTALL", "SUCCEEDED"),
                Map.entry("PRE_BUILD", "SUCCEEDED"), Map.entry("BUILD", "SUCCEEDED"),
                Map.entry("POST_BUILD", "SUCCEEDED"), Map.entry("UPLOAD_ARTIFACTS", "SUCCEEDED"),
                Map.entry("FINALIZING", "SUCCEEDED"));
        // Phases with no commands (here: absent from the YAML) are still entered and succeed.
        assertThat(Logs.agent(r)).containsSubsequence(
                "Entering phase INSTALL", "Phase complete: INSTALL State: SUCCEEDED",
                "Entering phase PRE_BUILD", "Phase complete: PRE_BUILD State: SUCCEEDED",
                "Entering phase BUILD", "Running command echo \"succeeding=$CODEBUILD_BUILD_SUCCEEDING\"",
                "Phase complete: BUILD State: SUCCEEDED",
                "Entering phase POST_BUILD", "Phase complete: POST_BUILD State: SUCCEEDED",
                "Entering phase UPLOAD_ARTIFACTS", "Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED",
                "Entering phase FINALIZING", "Phase complete: FINALIZING State: SUCCEEDED");
        assertThat(r.commandOutput()).containsExactly("succeeding=1");
        for (String p : ALL_PHASES) {
            assertThat(r.phase(p).getAsJsonArray("contexts")).as(p).isEmpty();
            assertThat(r.phase(p).has("startTime")).as(p).isTrue();
            assertThat(r.phase(p).has("endTime")).as(p).isTrue();
        }
    }

    @Test
    void failedBuildStillRunsPostBuildWithSucceedingZeroThenUploads(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "build sees $CODEBUILD_BUILD_SUCCEEDING"
                      - exit 5
                  post_build:
                    commands:
                      - echo "post_build sees $CODEBUILD_BUILD_SUCCEEDING"
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(r.phaseStatuses()).containsExactly(
                Map.entry("DOWNLOAD_SOURCE", "SUCCEEDED"), Map.entry("INSTALL", "SUCCEEDED"),
                Map.entry("PRE_BUILD", "SUCCEEDED"), Map.entry("BUILD", "FAILED"),
                Map.entry("POST_BUILD", "SUCCEEDED"), Map.entry("UPLOAD_ARTIFACTS", "SUCCEEDED"),
                Map.entry("FINALIZING", "SUCCEEDED"));
        assertThat(r.commandOutput()).containsExactly("build sees 1", "post_build sees 0");
        assertThat(Logs.contextCode(r, "BUILD")).isEqualTo("COMMAND_EXECUTION_ERROR");
        assertThat(Logs.contextMessage(r, "BUILD"))
                .isEqualTo("Error while executing command: exit 5. Reason: exit status 5");
        assertThat(Logs.agent(r)).containsSubsequence(
                "Running command exit 5",
                "Command did not exit successfully exit 5 exit status 5",
                "Phase complete: BUILD State: FAILED",
                "Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: exit 5."
                        + " Reason: exit status 5",
                "Entering phase POST_BUILD",
                "Phase complete: POST_BUILD State: SUCCEEDED",
                "Entering phase UPLOAD_ARTIFACTS",
                "Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED",
                "Entering phase FINALIZING");
    }

    @Test
    void failedPostBuildStillUploads(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo built
                  post_build:
                    commands:
                      - "false"
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "SUCCEEDED")
                .containsEntry("POST_BUILD", "FAILED")
                .containsEntry("UPLOAD_ARTIFACTS", "SUCCEEDED")
                .containsEntry("FINALIZING", "SUCCEEDED");
        assertThat(Logs.phases(r)).isEqualTo(ALL_PHASES);
        assertThat(Logs.contextMessage(r, "POST_BUILD"))
                .isEqualTo("Error while executing command: false. Reason: exit status 1");
    }

    @ParameterizedTest
    @CsvSource({"install, INSTALL", "pre_build, PRE_BUILD"})
    void failedInstallOrPreBuildSkipsEveryLaterPhaseAndTheUpload(String phase, String type, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  install:
                    commands:
                      - echo install ran
                      - %s
                  pre_build:
                    commands:
                      - echo pre_build ran
                      - %s
                  build:
                    commands:
                      - echo build ran
                  post_build:
                    commands:
                      - echo post_build ran
                """.formatted(phase.equals("install") ? "exit 2" : "true", phase.equals("pre_build") ? "exit 2" : "true"))
                .run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        List<String> expected = new java.util.ArrayList<>(ALL_PHASES.subList(0, ALL_PHASES.indexOf(type) + 1));
        expected.add("FINALIZING");
        assertThat(Logs.phases(r)).isEqualTo(expected);
        assertThat(r.phaseStatuses()).containsEntry(type, "FAILED").containsEntry("FINALIZING", "SUCCEEDED");
        assertThat(r.phaseStatuses()).doesNotContainKeys("BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS");
        assertThat(r.commandOutput()).isEqualTo(phase.equals("install")
                ? List.of("install ran") : List.of("install ran", "pre_build ran"));
        assertThat(r.output()).doesNotContain("Entering phase BUILD")
                .doesNotContain("Entering phase POST_BUILD").doesNotContain("Entering phase UPLOAD_ARTIFACTS");
        assertThat(Logs.contextMessage(r, type)).isEqualTo("Error while executing command: exit 2. Reason: exit status 2");
    }

    @Test
    void finallyRunsAfterAFailingCommandAndTheRestOfCommandsIsSkipped(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo one
                      - sh -c 'exit 9'
                      - echo skipped
                    finally:
                      - echo finally one
                      - echo finally two
                  post_build:
                    commands:
                      - echo "post $CODEBUILD_BUILD_SUCCEEDING"
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.commandOutput()).containsExactly("one", "finally one", "finally two", "post 0");
        assertThat(r.output()).doesNotContain("Running command echo skipped");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED").containsEntry("POST_BUILD", "SUCCEEDED");
        assertThat(Logs.contextMessage(r, "BUILD"))
                .isEqualTo("Error while executing command: sh -c 'exit 9'. Reason: exit status 9");
        assertThat(Logs.agent(r)).containsSubsequence(
                "Command did not exit successfully sh -c 'exit 9' exit status 9",
                "Running command echo finally one",
                "Running command echo finally two",
                "Phase complete: BUILD State: FAILED");
    }

    @Test
    void aFailingFinallyCommandFailsAPhaseWhoseCommandsSucceeded(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo ok
                    finally:
                      - exit 4
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED").containsEntry("POST_BUILD", "SUCCEEDED")
                .containsEntry("UPLOAD_ARTIFACTS", "SUCCEEDED");
        assertThat(r.commandOutput()).containsExactly("ok");
        assertThat(Logs.contextMessage(r, "BUILD"))
                .isEqualTo("Error while executing command: exit 4. Reason: exit status 4");
    }

    @Test
    void onFailureAbortInBuildSkipsPostBuildAndUpload(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    on-failure: ABORT
                    commands:
                      - "false"
                  post_build:
                    commands:
                      - echo post_build ran
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(Logs.phases(r)).containsExactly("DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "FINALIZING");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED");
        assertThat(r.output()).doesNotContain("post_build ran").doesNotContain("Entering phase POST_BUILD");
    }

    @ParameterizedTest
    @CsvSource({"install, INSTALL", "pre_build, PRE_BUILD"})
    void onFailureContinueGoesOnButTheBuildStaysFailed(String phase, String type, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  %s:
                    on-failure: CONTINUE
                    commands:
                      - exit 3
                  build:
                    commands:
                      - echo "build $CODEBUILD_BUILD_SUCCEEDING"
                  post_build:
                    commands:
                      - echo "post_build $CODEBUILD_BUILD_SUCCEEDING"
                """.formatted(phase)).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(Logs.phases(r)).isEqualTo(ALL_PHASES);
        assertThat(r.phaseStatuses()).containsEntry(type, "FAILED").containsEntry("BUILD", "SUCCEEDED")
                .containsEntry("POST_BUILD", "SUCCEEDED").containsEntry("UPLOAD_ARTIFACTS", "SUCCEEDED");
        assertThat(r.commandOutput()).containsExactly("build 0", "post_build 0");
    }

    @Test
    void retryRetriesThePhaseUntilItSucceeds(@TempDir Path tmp) throws IOException {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    on-failure: RETRY
                    commands:
                      - '%s'
                """.formatted(counter(2, 1)));
        CliResult r = ws.run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.buildStatus()).isEqualTo("SUCCEEDED");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "SUCCEEDED");
        assertThat(count(ws)).isEqualTo(3);
        assertThat(r.commandOutput()).containsExactly("attempt 1", "attempt 2", "attempt 3");
        assertThat(Logs.agent(r)).filteredOn(l -> l.startsWith("Retrying phase BUILD")).hasSize(2);
        assertThat(Logs.agent(r)).containsSubsequence(
                "Entering phase BUILD", "Phase complete: BUILD State: FAILED", "Retrying phase BUILD: attempt 2",
                "Entering phase BUILD", "Phase complete: BUILD State: FAILED", "Retrying phase BUILD: attempt 3",
                "Entering phase BUILD", "Phase complete: BUILD State: SUCCEEDED", "Entering phase POST_BUILD");
    }

    @Test
    void retryGivesUpAfterThreeRetries(@TempDir Path tmp) throws IOException {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    on-failure: RETRY
                    commands:
                      - '%s'
                """.formatted(counter(100, 1)));
        CliResult r = ws.run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(count(ws)).isEqualTo(4);
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED")
                // Retries used up: the default transitions apply, POST_BUILD and the upload still run.
                .containsEntry("POST_BUILD", "SUCCEEDED").containsEntry("UPLOAD_ARTIFACTS", "SUCCEEDED");
    }

    @Test
    void retryWithACountGivesUpAfterThatManyRetries(@TempDir Path tmp) throws IOException {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    on-failure: RETRY-1
                    commands:
                      - '%s'
                """.formatted(counter(2, 1)));
        CliResult r = ws.run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(count(ws)).isEqualTo(2);
        assertThat(r.commandOutput()).containsExactly("attempt 1", "attempt 2");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED");
    }

    @Test
    void retryWithARegexRetriesAMatchingFailure(@TempDir Path tmp) throws IOException {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    on-failure: RETRY-exit status 7
                    commands:
                      - '%s'
                """.formatted(counter(1, 7)));
        CliResult r = ws.run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(count(ws)).isEqualTo(2);
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "SUCCEEDED");
    }

    @Test
    void retryWithARegexDoesNotRetryAFailureItDoesNotMatch(@TempDir Path tmp) throws IOException {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    on-failure: RETRY-exit status 7
                    commands:
                      - '%s'
                """.formatted(counter(1, 3)));
        CliResult r = ws.run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(count(ws)).isEqualTo(1);
        assertThat(r.output()).doesNotContain("Retrying phase");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED").containsEntry("POST_BUILD", "SUCCEEDED");
    }

    @Test
    void retryWithACountAndARegex(@TempDir Path tmp) throws IOException {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    on-failure: RETRY-2-exit status 7
                    commands:
                      - '%s'
                """.formatted(counter(100, 7)));
        CliResult r = ws.run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(count(ws)).isEqualTo(3);
        assertThat(Logs.agent(r)).filteredOn(l -> l.startsWith("Retrying phase BUILD")).hasSize(2);
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED");
    }
}
