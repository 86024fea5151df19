package dev.codebuildspec.cli.host;

import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.Labels;
import dev.codebuildspec.docker.RunningProcess;
import dev.codebuildspec.driver.FirstProcessBootstrap;
import dev.codebuildspec.run.BuildContainer;
import dev.codebuildspec.run.ContainerLaunch;
import dev.codebuildspec.run.DriverStart;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The CLI's container: {@code docker run -i --rm} whose first process becomes the driver ({@link FirstProcessBootstrap}),
 * so a build makes one Docker call where it made three (run, exec, rm; bench P2). Its stdin is the container's
 * lifeline: when the host ends it, or dies, the container ends and the daemon removes it.
 */
final class FirstProcessLaunch implements ContainerLaunch {
    /** How long a container that was told to end may take to be gone before it is removed by force. */
    private static final Duration END_PATIENCE = Duration.ofSeconds(30);

    private final String user;
    private final FirstProcessBootstrap bootstrap = FirstProcessBootstrap.random();
    // One set per attempt: a run that failed (an image to pull first) must not keep reading the next one's stdin.
    private volatile Lifeline stdin = new Lifeline();
    private volatile HandOver out = new HandOver();
    private volatile HandOver err = new HandOver();
    private volatile RunningProcess process;
    private volatile ExitLine driver;
    private volatile String name;

    /** @param user the driver's user, {@code uid:gid}; empty: root */
    FirstProcessLaunch(Optional<String> user) {
        this.user = user.orElse("0");
    }

    @Override
    public Optional<String> startIfPresent(DockerCli docker, ContainerSpec spec)
            throws DockerException, InterruptedException {
        Optional<String> id = launch(docker, spec, true);
        if (id.isPresent()) {
            return id;
        }
        String message = err.early();
        if (message.contains("No such image")) {
            return Optional.empty();
        }
        if (message.contains("unknown flag: --pull")) { // Docker before 20.10
            return docker.imageExists(spec.image()) ? Optional.of(start(docker, spec)) : Optional.empty();
        }
        throw failed(message);
    }

    @Override
    public String start(DockerCli docker, ContainerSpec spec) throws DockerException, InterruptedException {
        return launch(docker, spec, false).orElseThrow(() -> failed(err.early()));
    }

    /** Starts the container and waits for its first process to say it runs; empty when it ended first. */
    private Optional<String> launch(DockerCli docker, ContainerSpec spec, boolean pullNever)
            throws DockerException, InterruptedException {
        stdin = new Lifeline();
        out = new HandOver();
        err = new HandOver();
        name = "codebuild-spec-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        process = docker.runAttached(spec, name, user,
                bootstrap.command(BuildContainer.STATE, spec.labels().getOrDefault(Labels.HAND_BACK, "")), pullNever,
                stdin, out, err);
        long deadline = System.nanoTime() + DockerCli.CONTROL_TIMEOUT.toNanos();
        while (!out.awaitEarly(bootstrap.readyLine(), 50)) {
            if (process.waitFor(Duration.ZERO).isPresent()) {
                stdin.end(); // lets its feeder go
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                remove(docker, name);
                throw new DockerException("docker run did not start the container within "
                        + DockerCli.CONTROL_TIMEOUT.toSeconds() + " s");
            }
        }
        return Optional.of(name);
    }

    private static DockerException failed(String message) {
        return new DockerException("docker run failed" + (message.isBlank() ? "" : ": " + message.trim()));
    }

    /** Hands the container's output to the driver's stream and sends the shell, the secrets and the script. */
    FirstProcessTask startDriver(DriverStart start, OutputStream to) throws DockerException {
        if (process == null || !start.containerId().equals(name)) {
            throw new DockerException("the driver's container " + start.containerId() + " was not started by this host's"
                    + " launch (a BuildHost must give the ContainerLaunch its DriverHost belongs to)");
        }
        ExitLine line = new ExitLine(to, bootstrap.exitPrefix());
        driver = line;
        out.handOver(line);
        err.handOver(to);
        stdin.send(bootstrap.payload(start.shell(), start.secrets(), start.script()));
        return new FirstProcessTask(process, line);
    }

    @Override
    public void handedBack() {
        stdin.send(bootstrap.handedBackLine().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ends the container: its stdin closes, so its first process ends and the daemon removes it. While a driver still
     * runs (a timeout, a stop), or when the end was not clean, {@code docker rm -f} makes sure.
     */
    @Override
    public void remove(DockerCli docker, String id) throws DockerException, InterruptedException {
        RunningProcess p = process;
        if (p == null) {
            docker.remove(id);
            return;
        }
        boolean driverRunning = driver != null && driver.status().isEmpty();
        if (driverRunning && p.waitFor(Duration.ZERO).isEmpty()) {
            docker.remove(id);
        }
        stdin.end();
        OptionalInt status = p.waitFor(END_PATIENCE);
        if (status.isEmpty()) {
            p.kill();
        }
        if (status.isEmpty() || status.getAsInt() != 0) {
            docker.remove(id);
        }
    }
}
