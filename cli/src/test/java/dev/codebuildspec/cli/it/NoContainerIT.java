package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --no-container}: the same phases, log, masking, artifacts, reports, record, timeout and stop,
 * with a real shell on this machine and no container.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NoContainerIT {
    private static final String TOKEN = "n0-c0ntainer-t0ken";

    @TempDir
    Path tmp;

    private CliResult run(Workspace ws, String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--no-container", "--source", ws.src().toString(),
                "--record", ws.record().toString()));
        all.addAll(List.of(args));
        return ws.cliWithRecord(all.toArray(String[]::new));
    }

    @Test
    void aBuildRunsItsPhasesHereWithTheSameLogMaskingAndOutputs() throws IOException {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  variables:
                    GREETING: hello
                  exported-variables:
                    - OUT
                phases:
                  install:
                    commands:
                      - echo "src is $CODEBUILD_SRC_DIR and pwd is $(pwd)"
                      - echo "image is [$CODEBUILD_BUILD_IMAGE]"
                  build:
                    commands:
                      - echo "token is $TOKEN"
                      - mkdir -p out reports && echo "$GREETING" > out/a.txt
                      - printf '<testsuite name="s" tests="1"><testcase name="t"/></testsuite>' > reports/r.xml
                      - OUT=exported
                artifacts:
                  files: ['out/**/*']
                reports:
                  unit:
                    files: ['reports/*.xml']
                """).processEnv("TOKEN", TOKEN);
        CliResult r = run(ws, "--secret", "TOKEN", "--artifacts", tmp.resolve("artifacts").toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        String src = ws.src().toString();
        assertThat(r.output()).contains("Running the phases on this machine, without a container",
                "src is " + src + " and pwd is " + src, "image is [none]", "token is ***", "Report group unit: 1 of 1 file(s) read",
                "Found 1 file(s)", "Phase complete: FINALIZING State: SUCCEEDED").doesNotContain(TOKEN);
        assertThat(r.buildStatus()).isEqualTo("SUCCEEDED");
        assertThat(r.recordJson()).contains("\"exported\"").doesNotContain(TOKEN);
        assertThat(Files.readString(tmp.resolve("artifacts/out/a.txt"))).isEqualTo("hello\n");
        assertThat(leftoverStateDirs(r)).isEmpty();
    }

    @Test
    void aFailingCommandFailsItsPhaseAndPostBuildStillRuns() {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - exit 3
                  post_build:
                    commands:
                      - echo post ran
                """);
        CliResult r = run(ws);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.phaseStatuses().get("BUILD")).isEqualTo("FAILED");
        assertThat(r.output()).contains("Command did not exit successfully exit 3 exit status 3", "post ran");
    }

    @Test
    void aTimeoutEndsTheBuildsWholeProcessTree() throws Exception {
        String marker = "sleep 6" + ProcessHandle.current().pid() % 1000;
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - (%s; echo never) & %s
                """.formatted(marker, marker));
        CliResult r = run(ws, "--timeout-minutes", "0.05");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.phaseStatuses().get("BUILD")).isEqualTo("TIMED_OUT");
        assertThat(r.output()).contains("Build timed out after 3 second(s)").doesNotContain("\nnever\n");
        assertThat(processesRunning(marker)).as("what the build started is gone").isEmpty();
        assertThat(leftoverStateDirs(r)).isEmpty();
    }

    @Test
    void aStopEndsTheBuildStoppedWithNothingLeft() throws Exception {
        String marker = "sleep 7" + ProcessHandle.current().pid() % 1000;
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo started && %s
                """.formatted(marker));
        List<String> cmd = new ArrayList<>(List.of(Cli.javaBinary(), "-jar", Cli.JAR.toString(), "run", "--no-container",
                "--source", ws.src().toString(), "--record", ws.record().toString()));
        try (BackgroundCli cli = new BackgroundCli(cmd, tmp, Map.of())) {
            cli.awaitOutput("started", Duration.ofSeconds(60));
            cli.signal("TERM");
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isEqualTo(1);
            assertThat(cli.output()).contains("Phase complete: BUILD State: STOPPED");
        }
        assertThat(Files.readString(ws.record())).contains("\"STOPPED\"");
        assertThat(processesRunning(marker)).isEmpty();
    }

    @Test
    void withoutAnImageOrNoContainerTheCommandLineIsWrong() {
        CliResult r = new Workspace(tmp).buildspec("version: 0.2\nphases: {}\n").cli("run", "--source",
                tmp.resolve("src").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("--image", "--no-container");
    }

    /** The driver's state directories of this build that are still in /dev/shm. */
    private static List<Path> leftoverStateDirs(CliResult r) throws IOException {
        String id = r.record().get("id").getAsString();
        String name = "codebuild-spec-" + id.replaceAll("[^A-Za-z0-9_.-]", "-");
        try (Stream<Path> all = Files.list(Path.of("/dev/shm"))) {
            return all.filter(p -> p.getFileName().toString().startsWith(name)).toList();
        }
    }

    private static List<String> processesRunning(String commandLine) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    if (cmd.trim().equals(commandLine)) {
                        found.add(p.getFileName() + ": " + cmd);
                    }
                } catch (IOException e) {
                    // It ended while we looked.
                }
            }
        }
        return found;
    }
}
