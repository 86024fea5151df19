package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.log.DriverOutputSplitter;
import dev.codebuildspec.mask.SecretForms;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.BuildState.Stage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The driver's part of a build: started through the host's {@link DriverHost}, then watched one poll at a
 * time for its output, its end, a stop, the build timeout and a cache restore it waits for. Ends the
 * running phase TIMED_OUT, STOPPED or FAULT when the driver does not get to the end by itself.
 */
final class DriverWatch {
    /** How long a finished driver's output may stay open (a background process holding it) before it is ended. */
    static final Duration LINGER = Duration.ofMillis(300);

    private final BuildContext build;
    private final BuildState state;
    private final BuildProgress progress;
    private final DriverOutputSplitter splitter;
    private final Clock clock;
    private final long nanoBase = System.nanoTime();
    private final long epochBase;
    private DriverTask task;
    private boolean cacheAnswered;
    private Duration delay;

    DriverWatch(BuildContext build, DriverOutputSplitter splitter, Clock clock) {
        this.build = build;
        this.state = build.state;
        this.progress = build.progress;
        this.splitter = splitter;
        this.clock = clock;
        this.epochBase = clock.millis();
    }

    void start() throws InterruptedException {
        if (build.stopRequestedNow()) {
            interrupt(Status.STOPPED, BuildContext.stopped());
            return;
        }
        BuildPlan plan = build.plan();
        BuildRequest request = build.request;
        Set<String> secrets = BuildPlan.maskedValues(request, plan.environment());
        DriverStart start = new DriverStart(build.container.id(), build.container.stateDir(), plan.script(), plan.spec().env().shell(),
                plan.environment().secret(), SecretForms.of(secrets), plan.marker(), request.driverUser());
        try {
            task = build.host.driver().start(start, splitter);
        } catch (IOException | DockerException e) {
            if (new StopRequest(build::stopRequestedNow).explains()) {
                interrupt(Status.STOPPED, BuildContext.stopped());
            } else {
                state.fault = true;
                interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
            }
            return;
        }
        state.driver = task.saved();
        state.driverStartMillis = clock.millis();
        build.moveTo(Stage.DRIVER_RUNNING);
    }

    /** Finds a driver that an earlier host object started; ends the build FAULT when it cannot. */
    void reattach() throws IOException, InterruptedException {
        Optional<DriverTask> found = state.driver == null ? Optional.empty()
                : build.host.driver().reattach(state.driver, splitter);
        if (found.isEmpty()) {
            interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR,
                    "The build's driver could not be found again after its host was restarted"));
            return;
        }
        task = found.get();
        if (state.splitterHeld != null) {
            splitter.resume(state.splitterHeld);
        }
    }

    Optional<Duration> poll() throws IOException, InterruptedException {
        DriverPoll seen = task.poll();
        if (seen.output()) {
            state.driver = task.saved();
            state.splitterHeld = splitter.held();
            state.changed();
        }
        if (seen.exit().isPresent()) {
            // A terminal's Ctrl-C reaches the docker client too; it may end before we notice the stop.
            if (build.stopRequestedNow() && !progress.driverDone()) {
                interrupt(Status.STOPPED, BuildContext.stopped());
            } else {
                if (!progress.driverDone()) {
                    progress.interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR,
                            "The build container's shell ended unexpectedly (exit " + seen.exit().getAsInt() + ")"));
                }
                over();
            }
            return Optional.empty();
        }
        if (build.stopRequestedNow()) {
            interrupt(Status.STOPPED, BuildContext.stopped());
            return Optional.empty();
        }
        Duration timeout = build.request.timeout();
        if (elapsedNanos() > timeout.toNanos()) {
            interrupt(Status.TIMED_OUT, new PhaseContext(PhaseContext.BUILD_TIMED_OUT,
                    "Build timed out after " + describe(timeout)));
            return Optional.empty();
        }
        if (!cacheAnswered && progress.cacheRequested()) {
            cacheAnswered = true;
            new CacheUse(build).restore();
        }
        if (progress.driverDone()) {
            if (state.doneSeenMillis == 0) {
                state.doneSeenMillis = clock.millis();
            } else if (clock.millis() - state.doneSeenMillis > LINGER.toMillis()) {
                task.kill();
                drain();
                over();
                return Optional.empty();
            }
        }
        delay = build.host.pacing().next(delay, seen.output());
        return Optional.of(delay);
    }

    void await(Duration max) throws InterruptedException {
        task.await(max);
    }

    /** Since the driver started: monotonic in this host object, by the wall clock across a resume. */
    private long elapsedNanos() {
        return System.nanoTime() - nanoBase + Duration.ofMillis(epochBase - state.driverStartMillis).toNanos();
    }

    /** Ends the running phase with {@code status}, kills the container and the driver, keeps their last output. */
    void interrupt(Status status, PhaseContext context) throws InterruptedException {
        progress.interrupt(status, context);
        Sandbox container = build.container;
        if (container.id() != null) {
            try {
                container.kill();
            } catch (DockerException e) {
                progress.info("Warning: " + e.getMessage());
            }
        }
        if (task != null) {
            try {
                task.kill();
            } catch (IOException e) {
                progress.info("Warning: " + e.getMessage());
            }
            drain();
        }
        over();
    }

    private void drain() throws InterruptedException {
        try {
            task.poll();
        } catch (IOException e) {
            // The output so far is what there is.
        }
    }

    private void over() {
        if (task != null) {
            task.release();
        }
        splitter.close();
        build.moveTo(Stage.DRIVER_OVER);
    }

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " minute(s)" : s + " second(s)";
    }
}
