package io.jenkins.plugins.codebuildspec.build;

import io.jenkins.plugins.codebuildspec.docker.ContainerReaper;
import io.jenkins.plugins.codebuildspec.docker.ContainerSpec;
import io.jenkins.plugins.codebuildspec.docker.DockerCli;
import io.jenkins.plugins.codebuildspec.docker.DockerException;
import io.jenkins.plugins.codebuildspec.docker.Labels;
import io.jenkins.plugins.codebuildspec.docker.RunningProcess;
import io.jenkins.plugins.codebuildspec.log.DriverOutputSplitter;
import io.jenkins.plugins.codebuildspec.log.KeepOpenOutputStream;
import io.jenkins.plugins.codebuildspec.log.LogSink;
import io.jenkins.plugins.codebuildspec.record.BuildRecord;
import io.jenkins.plugins.codebuildspec.record.PhaseContext;
import io.jenkins.plugins.codebuildspec.record.PhaseType;
import io.jenkins.plugins.codebuildspec.record.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Runs one build end to end on a Docker host: DOWNLOAD_SOURCE (parse, validate, resolve; no
 * container on error), the four buildspec phases in one driver, UPLOAD_ARTIFACTS, FINALIZING.
 * The container is removed on every path, including timeout and {@link #stop()}.
 */
public final class BuildRunner {
    /** How long a finished driver's {@code docker exec} may linger (a background process holding its output). */
    private static final Duration LINGER = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final DockerCli docker;
    private final Clock clock;
    private final Predicate<String> ownerGone;
    private volatile boolean stopRequested;

    public BuildRunner(DockerCli docker, Clock clock, Predicate<String> ownerGone) {
        this.docker = docker;
        this.clock = clock;
        this.ownerGone = ownerGone;
    }

    /** Asks a running build to stop: the running phase ends STOPPED, the container is removed. */
    public void stop() {
        stopRequested = true;
    }

    public BuildResult run(BuildRequest request, OutputStream console) throws InterruptedException {
        Instant start = clock.instant();
        BuildPlan plan = BuildPlan.prepare(request, start);
        try (OutputStream masked = plan.masker().wrap(new KeepOpenOutputStream(console))) {
            LogSink log = new LogSink(masked, clock);
            BuildProgress progress = new BuildProgress(log, plan.commands(), plan.masker());
            boolean fault = execute(request, plan, log, progress);
            log.flush();
            masked.flush();
            return new BuildResult(record(request, plan, start, progress), fault);
        } catch (IOException e) {
            // The console went away; the build itself has been cleaned up.
            return new BuildResult(incomplete(request, plan, start), true);
        }
    }

    private boolean execute(BuildRequest request, BuildPlan plan, LogSink log, BuildProgress progress)
            throws InterruptedException {
        progress.begin(PhaseType.DOWNLOAD_SOURCE);
        log.agent("CODEBUILD_SRC_DIR=" + plan.srcDir());
        log.agent("YAML location is " + request.buildspecFile());
        plan.diagnostics().forEach(d -> log.agent(d.toString()));
        if (plan.failure().isPresent()) {
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.FAILED, plan.failure());
            finalizing(progress, null, request);
            return false;
        }
        log.agent("Processing environment variables");
        log.agent("Phases found in YAML: " + plan.spec().phases().size());
        plan.spec().phases().keySet().forEach(p -> log.agent(" " + p + ": " + plan.commands().count(p) + " commands"));
        if (plan.spec().batch().isPresent()) {
            log.agent("Ignoring the batch section: this is not a batch build");
        }
        BuildContainer container = new BuildContainer(docker, containerSpec(request, plan), plan.srcDir());
        try {
            Optional<PhaseContext> fault = provision(request, container, log);
            if (fault.isPresent()) {
                progress.end(PhaseType.DOWNLOAD_SOURCE, Status.FAULT, fault);
                return true;
            }
            log.agent("Moving to directory " + plan.srcDir());
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, Optional.empty());
            boolean fault2 = runPhases(request, plan, container, log, progress);
            if (progress.uploadRequested()) {
                progress.begin(PhaseType.UPLOAD_ARTIFACTS);
                progress.end(PhaseType.UPLOAD_ARTIFACTS, Status.SUCCEEDED, Optional.empty());
            }
            return fault2;
        } finally {
            finalizing(progress, container, request);
        }
    }

    private Optional<PhaseContext> provision(BuildRequest request, BuildContainer container, LogSink log)
            throws InterruptedException {
        try {
            docker.serverVersion();
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, "Docker is not available: " + e.getMessage()));
        }
        try {
            List<String> reaped = new ContainerReaper(docker).reap(ownerGone);
            if (!reaped.isEmpty()) {
                log.agent("Removed " + reaped.size() + " container(s) left by builds that no longer run");
            }
        } catch (DockerException e) {
            log.agent("Warning: could not look for leftover containers: " + e.getMessage());
        }
        try {
            if (!docker.imageExists(request.image())) {
                log.agent("Pulling image " + request.image());
                docker.pull(request.image());
            }
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.UNABLE_TO_PULL_IMAGE,
                    "Unable to pull customer's container image " + request.image() + ": " + e.getMessage()));
        }
        try {
            container.start();
            return Optional.empty();
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, "Cannot start the build container: " + e.getMessage()));
        }
    }

    private boolean runPhases(BuildRequest request, BuildPlan plan, BuildContainer container, LogSink log,
            BuildProgress progress) throws InterruptedException {
        if (stopRequested) {
            progress.interrupt(Status.STOPPED, new PhaseContext(PhaseContext.BUILD_STOPPED, "Build stopped"));
            return false;
        }
        DriverOutputSplitter splitter = new DriverOutputSplitter(plan.marker(), log, progress);
        RunningProcess driver;
        try {
            driver = container.runDriver(plan.script(), plan.spec().env().shell(), plan.environment().secret(), splitter);
        } catch (DockerException e) {
            progress.interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
            return true;
        }
        long deadline = System.nanoTime() + request.timeout().toNanos();
        long lingerUntil = Long.MAX_VALUE;
        OptionalInt exit = OptionalInt.empty();
        Status interrupted = null;
        try {
            while (exit.isEmpty()) {
                exit = driver.waitFor(POLL);
                if (exit.isPresent()) {
                    break;
                }
                if (stopRequested) {
                    interrupted = Status.STOPPED;
                } else if (System.nanoTime() - deadline > 0) {
                    interrupted = Status.TIMED_OUT;
                } else if (progress.driverDone()) {
                    lingerUntil = Math.min(lingerUntil, System.nanoTime() + LINGER.toNanos());
                    if (System.nanoTime() - lingerUntil > 0) {
                        driver.kill();
                        driver.waitFor(SETTLE);
                        break;
                    }
                }
                if (interrupted != null) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            interrupted = Status.STOPPED;
            Thread.interrupted();
        }
        if (interrupted == null && stopRequested && !progress.driverDone()) {
            // A terminal's Ctrl-C reaches the docker client too; it may end before we notice the stop.
            interrupted = Status.STOPPED;
        }
        if (interrupted != null) {
            interrupt(container, driver, progress, interrupted, request.timeout());
            splitter.close();
            return false;
        }
        splitter.close();
        if (!progress.driverDone()) {
            progress.interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR,
                    "The build container's shell ended unexpectedly (exit status " + exit.orElse(-1) + ")"));
        }
        return false;
    }

    private void interrupt(BuildContainer container, RunningProcess driver, BuildProgress progress, Status status,
            Duration timeout) throws InterruptedException {
        String message = status == Status.TIMED_OUT
                ? "Build timed out after " + describe(timeout)
                : "Build stopped";
        progress.interrupt(status, new PhaseContext(
                status == Status.TIMED_OUT ? PhaseContext.BUILD_TIMED_OUT : PhaseContext.BUILD_STOPPED, message));
        try {
            container.kill();
        } catch (DockerException e) {
            progress.info("Warning: " + e.getMessage());
        }
        driver.kill();
        // Let the output pumps deliver what was already written before the log goes on.
        driver.waitFor(SETTLE);
    }

    private void finalizing(BuildProgress progress, BuildContainer container, BuildRequest request)
            throws InterruptedException {
        progress.begin(PhaseType.FINALIZING);
        Status status = Status.SUCCEEDED;
        Optional<PhaseContext> context = Optional.empty();
        if (container != null && container.id() != null) {
            try {
                if (request.ownerUid().isPresent() && request.ownerUid().getAsInt() != 0) {
                    container.handBack(request.ownerUid().getAsInt(), request.ownerGid().orElse(request.ownerUid().getAsInt()));
                }
            } catch (DockerException e) {
                status = Status.FAULT;
                context = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
            } finally {
                try {
                    container.remove();
                } catch (DockerException e) {
                    status = Status.FAULT;
                    context = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
                }
            }
        }
        progress.end(PhaseType.FINALIZING, status, context);
    }

    private static ContainerSpec containerSpec(BuildRequest request, BuildPlan plan) {
        return new ContainerSpec(request.image(),
                Map.of(Labels.OWNER, request.owner(),
                        Labels.BUILD_ID, plan.builtIns().buildId(),
                        Labels.STARTED, Long.toString(plan.builtIns().startTimeMillis())),
                List.of(new ContainerSpec.Mount(request.sourceDir().toAbsolutePath().toString(), plan.srcDir())),
                List.of(BuildContainer.TMP), request.privileged());
    }

    private BuildRecord record(BuildRequest request, BuildPlan plan, Instant start, BuildProgress progress) {
        return new BuildRecord(plan.builtIns().buildId(), plan.builtIns().buildArn(), request.buildNumber(),
                progress.outcome(), start, Optional.of(clock.instant()), request.image(), request.buildspec(),
                request.resolvedSourceVersion(), request.initiator(), progress.phases(), progress.exportedVariables(),
                true);
    }

    private BuildRecord incomplete(BuildRequest request, BuildPlan plan, Instant start) {
        return new BuildRecord(plan.builtIns().buildId(), plan.builtIns().buildArn(), request.buildNumber(),
                Status.FAULT, start, Optional.of(clock.instant()), request.image(), request.buildspec(),
                request.resolvedSourceVersion(), request.initiator(), List.of(), Map.of(), false);
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " minute(s)" : s + " second(s)";
    }
}
