package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Builds run as root in the container, yet what they leave in the source tree belongs to the
 * user who ran the CLI, on every path. The CLI runs here as a uid that is not root (it only needs
 * the docker socket's group), so the test needs root to set that up.
 */
class SourceOwnershipIT {
    private static final int UID = 4242;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "success, 'true', 60, 0, SUCCEEDED",
        "failure, 'exit 1', 60, 1, FAILED",
        "timeout, 'sleep 600', 0.05, 1, TIMED_OUT"})
    void filesMadeByTheBuildBelongToTheInvokingUser(String name, String last, String timeout, int exit, String status)
            throws Exception {
        assumeTrue(uid(Path.of("/proc/self")) == 0, "needs root to run the CLI as another user");
        int dockerGid = (Integer) Files.getAttribute(Path.of("/var/run/docker.sock"), "unix:gid");
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - mkdir -p out/deep && echo x > out/deep/file && touch made-by-root && id -u > out/uid
                      - %s
                """.formatted(last));
        chownTree(tmp, UID);

        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID,
                "--groups=" + dockerGid));
        cmd.addAll(List.of(Cli.javaBinary(), "-jar", Cli.jarForAnyUser().toString(), "run", "--source",
                ws.src().toString(), "--image", TestImages.BUSYBOX, "--record", ws.record().toString(),
                "--timeout-minutes", timeout));
        try (BackgroundCli cli = new BackgroundCli(cmd, tmp, Map.of("HOME", tmp.toString()))) {
            int code = cli.awaitExit(java.time.Duration.ofMinutes(2));
            CliResult r = new CliResult(code, cli.output().getBytes(), Files.readString(ws.record()));
            assertThat(code).as(r.toString()).isEqualTo(exit);
            assertThat(r.buildStatus()).isEqualTo(status);
        }
        assertThat(Files.readString(ws.src().resolve("out/uid")).trim()).as("the build ran as root").isEqualTo("0");
        try (Stream<Path> all = Files.walk(ws.src())) {
            for (Path p : all.toList()) {
                assertThat(uid(p)).as("owner of " + p).isEqualTo(UID);
            }
        }
    }

    @Test
    void asOwnerRunsThePhasesAsTheInvokingUserWithAHomeInTheTmpfs() throws Exception {
        assumeTrue(uid(Path.of("/proc/self")) == 0, "needs root to run the CLI as another user");
        int dockerGid = (Integer) Files.getAttribute(Path.of("/var/run/docker.sock"), "unix:gid");
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "uid=$(id -u) home=$HOME" > out.txt
                      - touch "$HOME/writable"
                """);
        chownTree(tmp, UID);
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID,
                "--groups=" + dockerGid));
        cmd.addAll(List.of(Cli.javaBinary(), "-jar", Cli.jarForAnyUser().toString(), "run", "--source",
                ws.src().toString(), "--image", TestImages.BUSYBOX, "--record", ws.record().toString(), "--as-owner"));
        try (BackgroundCli cli = new BackgroundCli(cmd, tmp, Map.of("HOME", tmp.toString()))) {
            int code = cli.awaitExit(java.time.Duration.ofMinutes(2));
            assertThat(code).as(cli.output()).isZero();
        }
        assertThat(Files.readString(ws.src().resolve("out.txt")).trim())
                .isEqualTo("uid=" + UID + " home=/codebuild/output/tmp/home");
        assertThat(uid(ws.src().resolve("out.txt"))).isEqualTo(UID);
    }

    private static int uid(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static void chownTree(Path root, int uid) throws Exception {
        Process p = new ProcessBuilder("chown", "-R", uid + ":" + uid, root.toString()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }
}
