package dev.codebuildspec.run;

import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.PhaseName;
import dev.codebuildspec.buildspec.Position;
import dev.codebuildspec.driver.DriverMarker;
import dev.codebuildspec.log.DriverOutputSplitter;
import dev.codebuildspec.log.KeepOpenOutputStream;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.log.SettableClock;
import dev.codebuildspec.log.SwitchableOutputStream;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.BuildState.Stage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one phase machine of a build, for every host: DOWNLOAD_SOURCE ({@link #prepare}: parse, validate,
 * resolve; no container on error), the driver's four phases ({@link #poll} until it is done, timed out or
 * stopped), then cache, reports, UPLOAD_ARTIFACTS and FINALIZING ({@link #complete}). A host that can
 * block calls {@link #run}; a Jenkins step calls the three from timer callbacks and keeps {@link #state()}.
 * A host object may be dropped at any point after {@link #prepare}: {@link #resume} on a new one goes on
 * from the saved state, with the phase records rebuilt and no log line repeated.
 */
public final class BuildMachine implements PolledBuild {
    private final BuildRequest request;
    private final BuildHost host;
    private final BuildState state;
    private final Clock clock;
    private final LogSink log;
    private final BuildProgress progress;
    private final Sandbox container;
    private final BuildContext build;
    private final DriverWatch driver;

    private BuildMachine(BuildRequest request, BuildHost host, BuildState state, OutputStream console, Clock clock,
            boolean resuming) {
        this.request = request;
        this.host = host;
        this.state = state;
        this.clock = clock;
        long epochBase = clock.millis();
        BuildPlan plan;
        if (resuming) {
            plan = BuildPlan.prepare(request, Instant.ofEpochMilli(state.startMillis), state.buildId,
                    new DriverMarker(state.markerNonce));
            if (!state.runtimeCommands().isEmpty() && plan.failure().isEmpty()) {
                Position where = plan.spec().phase(PhaseName.INSTALL).map(p -> p.position()).orElse(Position.UNKNOWN);
                plan = plan.withInstallCommandsFirst(request,
                        state.runtimeCommands().stream().map(c -> new Command(c, where)).toList());
            }
        } else {
            state.startMillis = epochBase;
            plan = BuildPlan.prepare(request, Instant.ofEpochMilli(epochBase));
            state.buildId = plan.builtIns().buildId();
            state.markerNonce = plan.marker().nonce();
        }
        OutputStream kept = new KeepOpenOutputStream(console);
        SettableClock logClock = new SettableClock(clock);
        SwitchableOutputStream target = new SwitchableOutputStream(resuming ? OutputStream.nullOutputStream() : kept);
        log = new LogSink(target, plan.masker(), logClock);
        progress = new BuildProgress(log, plan.commands(), plan.masker(), state.journal);
        if (resuming) {
            progress.replay(logClock);
            log.finish(); // the replay is silent to its end
            target.switchTo(kept);
        }
        container = request.noContainer()
                ? new LocalSandbox(host.processes(), BuildPlan.stateDir(request, plan.builtIns().buildId()))
                : new BuildContainer(host.docker(), BuildContainer.spec(request, plan, host.extraMounts()), plan.srcDir(),
                        host.containerLaunch());
        if (state.containerId != null) {
            container.adopt(state.containerId);
        }
        build = new BuildContext(request, host, state, plan, log, progress, container);
        driver = new DriverWatch(build, new DriverOutputSplitter(plan.marker(), log, progress), clock);
    }

    /** A new build of {@code request} on {@code host}; nothing runs before {@link #prepare}. */
    public static BuildMachine start(BuildRequest request, BuildHost host, OutputStream console, Clock clock) {
        return new BuildMachine(request, host, new BuildState(), console, clock, false);
    }

    /**
     * Goes on with the build that {@code state} belongs to, on a new host object. The request is the same one
     * again (its secrets resolved again); a driver the host cannot find again ends the build FAULT.
     */
    public static BuildMachine resume(BuildRequest request, BuildHost host, BuildState state, OutputStream console,
            Clock clock) throws IOException, InterruptedException {
        BuildMachine m = new BuildMachine(request, host, state, console, clock, true);
        m.reattach();
        return m;
    }

    private synchronized void reattach() throws IOException, InterruptedException {
        if (state.stage != Stage.DRIVER_RUNNING) {
            return;
        }
        if (build.plan().failure().isPresent()) {
            driver.interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR,
                    "The build cannot go on: " + build.plan().failure().get().message()));
            return;
        }
        driver.reattach();
    }

    public BuildState state() {
        return state;
    }

    @Override
    public int changes() {
        return state.changes();
    }

    /** Asks the build to stop: the running phase ends STOPPED at the next step, the container is removed. */
    @Override
    public void requestStop() {
        build.requestStop();
    }

    /** A stop that does not wait for the next poll (an abort): the driver and the container are killed now. */
    @Override
    public synchronized void stopNow() throws InterruptedException {
        requestStop();
        if (state.stage == Stage.DRIVER_RUNNING || state.stage == Stage.NEW) {
            driver.interrupt(Status.STOPPED, BuildContext.stopped());
        }
    }

    /** An error of the host's own (an agent lost, a broken call): the running phase ends FAULT. */
    @Override
    public synchronized void fail(String message) throws InterruptedException {
        if (state.stage == Stage.DRIVER_RUNNING || state.stage == Stage.NEW) {
            state.fault = true;
            driver.interrupt(Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR, String.valueOf(message)));
        }
    }

    /** Runs the whole build on this thread; an interrupt of the thread stops the build. */
    @Override
    public BuildResult run() {
        return PollLoop.run(this, driver::await, this::complete);
    }

    /**
     * DOWNLOAD_SOURCE, then the driver is started. Returns true when the driver runs; false when the build
     * ended before (a buildspec or Docker error, a stop): {@link #complete} comes next either way.
     */
    @Override
    public synchronized boolean prepare() throws InterruptedException {
        if (state.stage != Stage.NEW) {
            return state.stage == Stage.DRIVER_RUNNING;
        }
        if (new DownloadSource(build).run()) {
            driver.start();
        }
        return state.stage == Stage.DRIVER_RUNNING;
    }

    /**
     * One look at the running driver: its output, its end, a stop, the timeout, a cache restore it waits for.
     * Returns when to look again; empty when the driver part of the build is over.
     */
    @Override
    public synchronized Optional<Duration> poll() throws IOException, InterruptedException {
        if (state.stage != Stage.DRIVER_RUNNING) {
            return Optional.empty();
        }
        Optional<Duration> next = driver.poll();
        log.flush();
        return next;
    }

    /** Cache, reports, UPLOAD_ARTIFACTS, FINALIZING; the build's result. Runs once; later calls return the same. */
    public synchronized BuildResult complete() throws InterruptedException {
        if (state.stage != Stage.COMPLETE) {
            try {
                if (state.stage == Stage.DRIVER_RUNNING || state.stage == Stage.NEW) {
                    driver.interrupt(Status.STOPPED, BuildContext.stopped());
                }
                new Outputs(build).run();
            } catch (RuntimeException e) {
                // An error of ours (a host's bug): the build is a FAULT, and FINALIZING still removes its container.
                build.markFault();
                progress.info("Error: " + e);
            }
            Finalizing.run(progress, container, request, host, clock);
            build.moveTo(Stage.COMPLETE);
        }
        boolean consoleLost = false;
        try {
            log.finish();
        } catch (UncheckedIOException e) {
            consoleLost = true;
        }
        return BuildResult.of(build, Instant.ofEpochMilli(state.startMillis), clock.instant(), consoleLost);
    }

}
