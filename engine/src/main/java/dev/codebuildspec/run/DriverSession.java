package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.RunningProcess;
import dev.codebuildspec.log.DriverOutputSplitter;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.Status;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * Runs the driver in the container and watches it: its events, the build timeout, a stop
 * request, a cache restore it waits for. Ends the running phase TIMED_OUT, STOPPED or FAULT
 * when the driver does not get to the end by itself.
 */
final class DriverSession {
    /** How long a finished driver's {@code docker exec} may linger (a background process holding its output). */
    private static final Duration LINGER = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final BuildContainer container;
    private final BuildPlan plan;
    private final BuildProgress progress;
    private final LogSink log;
    private final BooleanSupplier stopRequested;
    private final Optional<BuildCache> cache;

    DriverSession(BuildContainer container, BuildPlan plan, BuildProgress progress, LogSink log,
            BooleanSupplier stopRequested, Optional<BuildCache> cache) {
        this.container = container;
        this.plan = plan;
        this.progress = progress;
        this.log = log;
        this.stopRequested = stopRequested;
        this.cache = cache;
    }

    /** Returns true when the driver could not even start (a fault outside the build). */
    boolean run(Duration timeout) throws InterruptedException {
        if (stopRequested.getAsBoolean()) {
            progress.interrupt(Status.STOPPED, new PhaseContext(PhaseContext.BUILD_STOPPED, "Build stopped"));
            return false;
        }
        DriverOutputSplitter splitter = new DriverOutputSplitter(plan.marker(), log, progress);
        RunningProcess driver;
        try {
            driver = container.runDriver(plan.script(), plan.spec().env().shell(), plan.environment().secret(), splitter);
        } catch (DockerException e) {
            if (new StopRequest(stopRequested).explains()) {
                progress.interrupt(Status.STOPPED, new PhaseContext(PhaseContext.BUILD_STOPPED, "Build stopped"));
                return false;
            }
            progress.interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Status interrupted = watch(driver, deadline);
        if (interrupted != null) {
            interrupt(driver, interrupted, timeout);
        }
        splitter.close();
        if (interrupted == null && !progress.driverDone()) {
            progress.interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR,
                    "The build container's shell ended unexpectedly"));
        }
        return false;
    }

    /** Returns how the driver was interrupted, or null when it ended by itself. */
    private Status watch(RunningProcess driver, long deadline) throws InterruptedException {
        long lingerUntil = Long.MAX_VALUE;
        boolean cacheRestored = false;
        try {
            while (true) {
                OptionalInt exit = driver.waitFor(POLL);
                if (exit.isPresent()) {
                    // A terminal's Ctrl-C reaches the docker client too; it may end before we notice the stop.
                    return stopRequested.getAsBoolean() && !progress.driverDone() ? Status.STOPPED : null;
                }
                if (stopRequested.getAsBoolean()) {
                    return Status.STOPPED;
                }
                if (System.nanoTime() - deadline > 0) {
                    return Status.TIMED_OUT;
                }
                if (!cacheRestored && progress.cacheRequested()) {
                    cacheRestored = true;
                    if (cache.isPresent()) {
                        cache.get().restore(container, progress.evaluated());
                    }
                }
                if (progress.driverDone()) {
                    lingerUntil = Math.min(lingerUntil, System.nanoTime() + LINGER.toNanos());
                    if (System.nanoTime() - lingerUntil > 0) {
                        driver.kill();
                        driver.waitFor(SETTLE);
                        return null;
                    }
                }
            }
        } catch (InterruptedException e) {
            return Status.STOPPED;
        }
    }

    private void interrupt(RunningProcess driver, Status status, Duration timeout) throws InterruptedException {
        String message = status == Status.TIMED_OUT ? "Build timed out after " + describe(timeout) : "Build stopped";
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

    private static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " minute(s)" : s + " second(s)";
    }
}
