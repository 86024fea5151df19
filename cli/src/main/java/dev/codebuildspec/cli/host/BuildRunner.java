package dev.codebuildspec.cli.host;

import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.run.BuildMachine;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildResult;
import java.io.OutputStream;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * Runs one build end to end on this machine's Docker: the {@link BuildMachine} on a {@link LocalDockerHost}.
 * The container is removed on every path, including timeout and {@link #stop()}.
 */
public final class BuildRunner {
    private final DockerCli docker;
    private final Clock clock;
    private final Predicate<String> ownerGone;
    private volatile boolean stopRequested;
    private volatile BuildMachine machine;

    public BuildRunner(DockerCli docker, Clock clock, Predicate<String> ownerGone) {
        this.docker = docker;
        this.clock = clock;
        this.ownerGone = ownerGone;
    }

    /** Asks a running build to stop: the running phase ends STOPPED, the container is removed. Before the run: at once. */
    public void stop() {
        stopRequested = true;
        BuildMachine m = machine;
        if (m != null) {
            m.requestStop();
        }
    }

    public BuildResult run(BuildRequest request, OutputStream console) throws InterruptedException {
        BuildMachine m = BuildMachine.start(request, new LocalDockerHost(docker, ownerGone, request), console, clock);
        machine = m;
        if (stopRequested) {
            m.requestStop();
        }
        return m.run();
    }
}
