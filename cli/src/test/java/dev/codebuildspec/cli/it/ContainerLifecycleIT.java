package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The container is started as CodeBuild does and removed on every path. */
class ContainerLifecycleIT {
    /** A build that sleeps in BUILD after saying so: for stops, signals and timeouts. */
    static final String SLEEPING = """
            version: 0.2
            phases:
              build:
                commands:
                  - echo started-sleeping
                  - sleep 600
              post_build:
                commands:
                  - echo post-build-ran
            """;

    @TempDir
    Path tmp;

    private static List<String> containersOf(CliResult r) {
        return Docker.containers(Docker.BUILD_ID, r.record().get("id").getAsString());
    }

    @Test
    void imageEntrypointIsIgnored() {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo entrypoint-ignored
                """).run(TestImages.ENTRYPOINT);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).contains("entrypoint-ignored");
    }

    /**
     * An image that is not here is pulled, and the container started after the pull runs the build: the first run's
     * stdin, which ended with it, must not take the driver meant for the second.
     */
    @Test
    void anImageToPullFirstRunsInTheContainerStartedAfterThePull() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path firstRun = tmp.resolve("first-run-refused");
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n"
                + "if [ \"$1\" = pull ]; then exit 0; fi\n"
                + "if [ \"$1\" = run ] && [ \"$2\" = --pull ] && [ ! -e '" + firstRun + "' ]; then\n"
                + "  touch '" + firstRun + "'; echo 'docker: Error response from daemon: No such image: x.' >&2; exit 125\n"
                + "fi\n"
                + "exec docker \"$@\"\n");
        Files.setPosixFilePermissions(docker, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        CliResult r = new Workspace(tmp.resolve("pull")).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo ran-after-the-pull
                """).args("--docker", docker.toString(), "--timeout-minutes", "1").run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.log()).contains("Pulling image " + TestImages.BUSYBOX);
        assertThat(r.commandOutput()).contains("ran-after-the-pull");
        assertThat(containersOf(r)).isEmpty();
    }

    @Test
    void containerIsRemovedAfterSuccessAndAfterFailure() {
        Workspace ok = new Workspace(tmp.resolve("ok")).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - "true"
                """);
        CliResult success = ok.run(TestImages.BUSYBOX);
        assertThat(success.exit()).isZero();
        assertThat(containersOf(success)).isEmpty();

        CliResult failure = new Workspace(tmp.resolve("fail")).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - exit 1
                """).run(TestImages.BUSYBOX);
        assertThat(failure.exit()).isEqualTo(1);
        assertThat(containersOf(failure)).isEmpty();
    }

    @Test
    void timeoutEndsTheRunningPhaseTimedOutAndRemovesTheContainer() {
        long start = System.nanoTime();
        CliResult r = new Workspace(tmp).buildspec(SLEEPING).args("--timeout-minutes", "0.05").run(TestImages.DEBIAN);
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("TIMED_OUT");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "TIMED_OUT").doesNotContainKey("POST_BUILD")
                .doesNotContainKey("UPLOAD_ARTIFACTS").containsEntry("FINALIZING", "SUCCEEDED");
        assertThat(r.log()).contains("[Container] Phase complete: BUILD State: TIMED_OUT")
                .contains("Build timed out after 3 second(s)").doesNotContain("post-build-ran");
        assertThat(seconds).as("the build waited for its sleep 600").isLessThan(120);
        assertThat(containersOf(r)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void signalStopsTheBuildWritesTheRecordAndRemovesTheContainer(String signal) throws Exception {
        Workspace ws = new Workspace(tmp).buildspec(SLEEPING);
        List<String> cmd = Signals.withDefault(signal, Cli.command("run", "--source", ws.src().toString(), "--image",
                TestImages.DEBIAN, "--record", ws.record().toString())).orElse(null);
        assumeTrue(cmd != null, "SIG" + signal + " is ignored by the test JVM (a job started in the background by "
                + "a non-interactive shell), so the CLI inherits that, and 'env --default-signal' is not here to undo it");
        try (BackgroundCli cli = new BackgroundCli(cmd, tmp, Map.of())) {
            cli.awaitOutput("started-sleeping", Duration.ofSeconds(60));
            cli.signal(signal);
            int exit = cli.awaitExit(Duration.ofSeconds(60));
            CliResult r = new CliResult(exit, cli.output().getBytes(), Files.readString(ws.record()));

            assertThat(exit).as(r.toString()).isEqualTo(1);
            assertThat(r.buildStatus()).isEqualTo("STOPPED");
            assertThat(r.phaseStatuses()).containsEntry("BUILD", "STOPPED").doesNotContainKey("POST_BUILD");
            assertThat(r.log()).contains("Phase complete: BUILD State: STOPPED");
            assertThat(containersOf(r)).isEmpty();
        }
    }

    @Test
    void aStopThatComesWithTheFailureItCausesWinsOverIt() throws Exception {
        // At a terminal, Ctrl-C can kill the process being started for Docker a moment before the CLI has
        // recorded the stop. This docker stand-in fails at once, and the CLI's SIGINT follows 20 ms later.
        Path docker = tmp.resolve("docker-interrupted");
        Files.writeString(docker, "#!/bin/sh\ncli=$PPID\n(sleep 0.02; kill -INT $cli) >/dev/null 2>&1 &\nexit 1\n");
        assertThat(docker.toFile().setExecutable(true)).isTrue();
        Workspace ws = new Workspace(tmp).buildspec(SLEEPING);
        List<String> cmd = Signals.withDefault("INT", Cli.command("run", "--source", ws.src().toString(), "--image",
                TestImages.BUSYBOX, "--record", ws.record().toString(), "--docker", docker.toString())).orElse(null);
        assumeTrue(cmd != null, "SIGINT is ignored by the test JVM and 'env --default-signal' cannot undo it");
        try (BackgroundCli cli = new BackgroundCli(cmd, tmp, Map.of())) {
            int exit = cli.awaitExit(Duration.ofSeconds(60));
            CliResult r = new CliResult(exit, cli.output().getBytes(), Files.readString(ws.record()));

            assertThat(exit).as(r.toString()).isEqualTo(1);
            assertThat(r.buildStatus()).isEqualTo("STOPPED");
            assertThat(r.log()).contains("Phase complete: DOWNLOAD_SOURCE State: STOPPED")
                    .doesNotContain("Docker is not available");
        }
    }

    @Test
    void aKilledCliEndsItsContainerAndWhatADeadCliLeftIsReapedByGcAndByTheNextRun() throws Exception {
        Workspace ws = new Workspace(tmp).buildspec(SLEEPING);
        for (String reaper : List.of("gc", "next run")) {
            List<String> cmd = Cli.command("run", "--source", ws.src().toString(), "--image", TestImages.BUSYBOX);
            long pid;
            List<String> owner;
            try (BackgroundCli cli = new BackgroundCli(cmd, tmp, Map.of())) {
                cli.awaitOutput("started-sleeping", Duration.ofSeconds(60));
                pid = cli.pid();
                owner = ownedBy(pid);
                cli.signal("KILL");
                cli.awaitExit(Duration.ofSeconds(30));
            }
            assertThat(owner).as("the build's container, while it ran").hasSize(1);
            // Its lifeline closed: the container ends now, not when `sleep 600` would have (a hang bound of 60 s).
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!ownedBy(pid).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(ownedBy(pid)).as("the killed CLI's container ended with it").isEmpty();

            // What the lifeline cannot end, say a daemon that stopped passing the client's stdin on: a container
            // labelled with the dead CLI as its owner.
            Docker.docker("run", "-d", "--label", Docker.OWNER + "=" + owner.get(0), TestImages.BUSYBOX, "sleep", "600");
            assertThat(ownedBy(pid)).as("the dead CLI's leftover").hasSize(1);
            if (reaper.equals("gc")) {
                CliResult gc = ws.cli("gc");
                assertThat(gc.exit()).as(gc.toString()).isZero();
                assertThat(gc.output()).contains("Removed ");
            } else {
                CliResult next = new Workspace(tmp.resolve("next")).buildspec("""
                        version: 0.2
                        phases:
                          build:
                            commands:
                              - "true"
                        """).run(TestImages.BUSYBOX);
                assertThat(next.exit()).isZero();
                assertThat(next.log()).contains("left by builds that no longer run");
            }
            assertThat(ownedBy(pid)).as("reaped by " + reaper).isEmpty();
        }
    }

    private static List<String> ownedBy(long pid) {
        return Docker.owners().stream().filter(o -> o.matches("cli:[^:]*:" + pid + ":\\d+")).toList();
    }

    @Test
    void missingImageIsAFaultOutsideTheBuild() {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - "true"
                """).run("codebuild-spec-test/does-not-exist:1");
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.buildStatus()).isEqualTo("FAULT");
        assertThat(r.phase("DOWNLOAD_SOURCE").getAsJsonArray("contexts").get(0).getAsJsonObject()
                .get("statusCode").getAsString()).isEqualTo("BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE");
        assertThat(r.phaseStatuses()).doesNotContainKeys("INSTALL", "BUILD");
    }

    @Test
    void noDockerDaemonIsAFaultOutsideTheBuild() {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - "true"
                """).processEnv("DOCKER_HOST", "unix://" + tmp.resolve("no-daemon.sock")).run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.buildStatus()).isEqualTo("FAULT");
        assertThat(r.log()).contains("Docker is not available");
    }
}
