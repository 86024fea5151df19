package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C typed at a terminal. The terminal signals the whole foreground process group, the docker
 * clients the CLI starts included; the build must still end STOPPED, every time, whatever the moment.
 */
class TerminalIT {
    private static final String SLEEPING = ContainerLifecycleIT.SLEEPING;

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsATerminal() {
        assumeTrue(TerminalCli.available(), "util-linux 'script' is needed to make a pseudo-terminal");
    }

    private TerminalCli start(Workspace ws) {
        return start(ws, java.util.Map.of());
    }

    private TerminalCli start(Workspace ws, java.util.Map<String, String> env) {
        List<String> run = Cli.command("run", "--source", ws.src().toString(), "--image", TestImages.BUSYBOX,
                "--record", ws.record().toString());
        List<String> cmd = Signals.withDefault("INT", run).orElse(null);
        assumeTrue(cmd != null, "SIGINT is ignored by the test JVM and 'env --default-signal' cannot undo it");
        return new TerminalCli(cmd, tmp, env);
    }

    @ParameterizedTest(name = "Ctrl-C {0} ms after the first output of the build")
    @ValueSource(ints = {0, 0, 150, 500, 1000})
    void ctrlCStopsTheBuildEveryTime(int delayMillis) throws Exception {
        Workspace ws = new Workspace(tmp).buildspec(SLEEPING);
        try (TerminalCli cli = start(ws)) {
            cli.awaitScreen("started-sleeping", Duration.ofSeconds(90));
            Thread.sleep(delayMillis);
            cli.typeCtrlC();
            int exit = cli.awaitExit(Duration.ofSeconds(90));
            CliResult r = new CliResult(exit, cli.screen().getBytes(), Files.readString(ws.record()));

            assertThat(exit).as(r.toString()).isEqualTo(1);
            assertThat(r.buildStatus()).as(r.toString()).isEqualTo("STOPPED");
            assertThat(r.phaseStatuses()).containsEntry("BUILD", "STOPPED").doesNotContainKey("POST_BUILD");
            assertThat(r.log()).contains("Phase complete: BUILD State: STOPPED").contains("BUILD_STOPPED")
                    .doesNotContain("ended unexpectedly").doesNotContain("post-build-ran");
            assertThat(Docker.containers(Docker.BUILD_ID, r.record().get("id").getAsString())).isEmpty();
        }
    }

    @Test
    void ctrlCUnderACLocaleReachesTheRelaunchedCliOnce() throws Exception {
        // Under LANG=C the CLI runs itself again under C.UTF-8 (file names); Ctrl-C must still stop it cleanly.
        Workspace ws = new Workspace(tmp).buildspec(SLEEPING);
        try (TerminalCli cli = start(ws, java.util.Map.of("LANG", "C", "LC_ALL", "C"))) {
            cli.awaitScreen("started-sleeping", Duration.ofSeconds(90));
            cli.typeCtrlC();
            int exit = cli.awaitExit(Duration.ofSeconds(90));
            CliResult r = new CliResult(exit, cli.screen().getBytes(), Files.readString(ws.record()));

            assertThat(exit).as(r.toString()).isEqualTo(1);
            assertThat(r.buildStatus()).isEqualTo("STOPPED");
            assertThat(cli.screen()).doesNotContain("already stopping");
            assertThat(Docker.containers(Docker.BUILD_ID, r.record().get("id").getAsString())).isEmpty();
        }
    }

    @Test
    void ctrlCWhileTheContainerStartsStopsTheBuild() throws Exception {
        Workspace ws = new Workspace(tmp).buildspec(SLEEPING);
        try (TerminalCli cli = start(ws)) {
            cli.awaitScreen("Phase is DOWNLOAD_SOURCE", Duration.ofSeconds(90));
            cli.typeCtrlC();
            int exit = cli.awaitExit(Duration.ofSeconds(90));
            CliResult r = new CliResult(exit, cli.screen().getBytes(), Files.readString(ws.record()));

            assertThat(exit).as(r.toString()).isEqualTo(1);
            assertThat(r.buildStatus()).as(r.toString()).isEqualTo("STOPPED");
            assertThat(r.log()).doesNotContain("started-sleeping");
            assertThat(Docker.containers(Docker.BUILD_ID, r.record().get("id").getAsString())).isEmpty();
        }
    }

    @Test
    void aSecondCtrlCSaysWhatTheStopIsWaitingFor() throws Exception {
        Workspace ws = new Workspace(tmp).buildspec(SLEEPING);
        try (TerminalCli cli = start(ws)) {
            cli.awaitScreen("started-sleeping", Duration.ofSeconds(90));
            cli.typeCtrlC();
            Thread.sleep(20);
            cli.typeCtrlC();
            int exit = cli.awaitExit(Duration.ofSeconds(90));
            CliResult r = new CliResult(exit, cli.screen().getBytes(), Files.readString(ws.record()));

            assertThat(exit).as(r.toString()).isEqualTo(1);
            assertThat(r.buildStatus()).isEqualTo("STOPPED");
            assertThat(cli.screen()).contains("codebuild-spec: already stopping (SIGINT): waiting for the build "
                    + "container to be removed and the record to be written");
        }
    }
}
