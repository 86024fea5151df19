package dev.codebuildspec.cli.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A dockerd of the test's own (own socket, data root, exec root, own bridge {@value #BRIDGE}, no
 * iptables), so that
 * "the Docker daemon restarts mid-build" can be tested without restarting the daemon everybody
 * else on the machine is using. Needs root. The test images it needs are copied in with
 * {@code docker save | docker load}.
 */
final class PrivateDaemon implements AutoCloseable {
    /**
     * Never {@code --bridge=none}: a dockerd started that way deletes the host's {@code docker0},
     * which breaks every other daemon user's containers (learnt the hard way).
     */
    static final String BRIDGE = "cbs-test-br0";

    private final Path dir;
    private final Path socket;
    private Process daemon;

    PrivateDaemon(String... images) throws Exception {
        // A unix socket path must be short: not under the (long) JUnit temp dir.
        dir = Files.createTempDirectory(Path.of("/tmp"), "cbs-dmn-");
        socket = dir.resolve("sock");
        // The CLI under test runs as another user with the docker group: it must reach the socket.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        ip("link", "add", BRIDGE, "type", "bridge");
        ip("addr", "add", "10.213.77.1/24", "dev", BRIDGE);
        ip("link", "set", BRIDGE, "up");
        start();
        for (String image : images) {
            Process save = new ProcessBuilder("docker", "save", image).start();
            ProcessBuilder load = new ProcessBuilder("docker", "load", "-q").redirectErrorStream(true);
            load.environment().put("DOCKER_HOST", host());
            Process l = load.start();
            try (var out = l.getOutputStream(); var in = save.getInputStream()) {
                in.transferTo(out);
            }
            if (save.waitFor() != 0 || l.waitFor() != 0) {
                throw new AssertionError("could not copy " + image + " into the private daemon: "
                        + new String(l.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    String host() {
        return "unix://" + socket;
    }

    Map<String, String> env() {
        return Map.of("DOCKER_HOST", host());
    }

    private void start() throws Exception {
        List<String> cmd = List.of("dockerd", "--data-root", dir.resolve("data").toString(), "--exec-root",
                dir.resolve("x").toString(), "--pidfile", dir.resolve("pid").toString(), "-H", host(),
                "--group", Integer.toString(Privileges.dockerGid()), "--bridge=" + BRIDGE, "--iptables=false", "--ip6tables=false", "--ip-masq=false");
        daemon = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile())).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!docker("version", "--format", "{{.Server.Version}}").matches("(?s)\\d+\\..*")) {
            if (System.nanoTime() > end || !daemon.isAlive()) {
                throw new AssertionError("the private dockerd did not start; see " + dir.resolve("dockerd.log"));
            }
            Thread.sleep(200);
        }
    }

    private void stop() throws InterruptedException {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroy(); // SIGTERM: dockerd stops its containers and unmounts
            if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
                daemon.waitFor();
            }
        }
    }

    /** Stops the daemon the way a service restart does (SIGTERM, wait) and starts it again. */
    void restart() throws Exception {
        stop();
        start();
    }

    String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DOCKER_HOST", host());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " hung");
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip"));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        p.waitFor();
    }

    @Override
    public void close() throws Exception {
        stop();
        ip("link", "del", BRIDGE);
        new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
    }
}
