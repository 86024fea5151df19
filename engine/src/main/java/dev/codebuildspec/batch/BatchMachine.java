package dev.codebuildspec.batch;

import dev.codebuildspec.log.KeepOpenOutputStream;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.BuildMachine;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.run.PollLoop;
import dev.codebuildspec.run.PolledBuild;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one batch runner, driven by polls (the Jenkins step's timer, or {@link #run} on one thread: the CLI, the freestyle
 * builder): each child is a {@link BuildMachine} on a host from {@link ChildHosts}, started, polled and completed from
 * {@link #poll}, at most {@code parallelism} at a time, by {@link BatchRules}. Everything a resume needs is in
 * {@link BatchState}: {@link #resume} makes the machine again from it and the same plan.
 */
public final class BatchMachine implements PolledBuild {
    private final BatchPlan plan;
    private final int parallelism;
    private final ChildHosts hosts;
    private final ChildMachines machines;
    private final Clock clock;
    private final BatchState state;
    private final PrintStream out;
    private final List<ChildBuild> pending = new ArrayList<>();
    private final Map<String, ChildOutcome> ended = new HashMap<>();
    private final Map<String, Running> running = new LinkedHashMap<>();
    private volatile boolean stopRequested;

    private record Running(ChildBuild child, BuildMachine machine, OutputStream log, Instant start, Path source) {
    }

    private BatchMachine(BuildRequest parent, BatchPlan plan, int parallelism, ChildHosts hosts, BatchState state,
            OutputStream console, Clock clock) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallel builds must be at least 1: " + parallelism);
        }
        this.plan = plan;
        this.parallelism = parallelism;
        this.hosts = hosts;
        this.machines = new ChildMachines(parent, hosts, clock);
        this.state = state;
        this.clock = clock;
        this.out = new PrintStream(new KeepOpenOutputStream(console), true, StandardCharsets.UTF_8);
        this.stopRequested = state.stopRequested;
    }

    /** A new batch; nothing runs before the first {@link #poll}. */
    public static BatchMachine start(BuildRequest parent, BatchPlan plan, int parallelism, ChildHosts hosts,
            OutputStream console, Clock clock) {
        BatchMachine m = new BatchMachine(parent, plan, parallelism, hosts, new BatchState(), console, clock);
        m.pending.addAll(plan.children());
        m.out.println("[batch] " + plan.children().size() + " build(s), at most " + parallelism + " at a time");
        return m;
    }

    /** Goes on with the batch {@code state} belongs to, on new hosts: ended children keep their outcome, running ones go on. */
    public static BatchMachine resume(BuildRequest parent, BatchPlan plan, int parallelism, ChildHosts hosts,
            BatchState state, OutputStream console, Clock clock) throws IOException, InterruptedException {
        BatchMachine m = new BatchMachine(parent, plan, parallelism, hosts, state, console, clock);
        for (ChildBuild child : plan.children()) {
            BatchState.Child saved = state.children.get(child.identifier());
            if (saved == null || !saved.ended && saved.build == null) {
                state.children.remove(child.identifier()); // never got as far as its machine: start it again
                m.pending.add(child);
            } else if (saved.ended) {
                m.ended.put(child.identifier(), m.machines.outcomeAgain(child, saved));
            } else {
                OutputStream log = hosts.log(child, true);
                m.running.put(child.identifier(), new Running(child, m.machines.resume(child, saved, log), log,
                        Instant.ofEpochMilli(saved.startMillis), Path.of(saved.source)));
            }
        }
        return m;
    }

    public BatchState state() {
        return state;
    }

    @Override
    public int changes() {
        return state.changes();
    }

    /** Nothing to do before the first poll, which starts the first children. */
    @Override
    public boolean prepare() {
        return true;
    }

    /** An error of the host's own: every running child ends FAULT and no other starts. */
    @Override
    public synchronized void fail(String message) throws InterruptedException {
        halt("the batch failed: " + message);
        for (Running r : runningNow()) {
            r.machine().fail(message);
        }
    }

    /** Runs the whole batch on this thread (a freestyle build's executor); an interrupt stops the batch. */
    @Override
    public BatchResult run() {
        return PollLoop.run(this, delay -> Thread.sleep(delay.toMillis()), this::complete);
    }

    /** Asks the batch to stop: running children stop at their next poll, no other child starts; the batch ends STOPPED. */
    @Override
    public void requestStop() {
        stopRequested = true;
        for (Running r : runningNow()) {
            r.machine().requestStop();
        }
    }

    /** A stop that does not wait for the next poll (an abort): every running child's driver and container go now. */
    @Override
    public void stopNow() throws InterruptedException {
        requestStop();
        for (Running r : runningNow()) {
            r.machine().stopNow();
        }
    }

    private List<Running> runningNow() {
        synchronized (running) {
            return List.copyOf(running.values());
        }
    }

    /**
     * Starts the children that are ready (DOWNLOAD_SOURCE and the driver's start run here), looks once at each
     * running one, completes those that ended. Returns when to look again; empty when every child has ended.
     */
    @Override
    public synchronized Optional<Duration> poll() throws InterruptedException {
        if (stopRequested) {
            halt(BatchRules.BATCH_STOPPED);
        }
        startReady(parallelism - running.size());
        Duration next = null;
        for (Running r : runningNow()) {
            Optional<Duration> n;
            try {
                n = r.machine().poll();
            } catch (IOException e) {
                r.machine().fail(e.getMessage());
                n = Optional.empty();
            }
            if (n.isEmpty()) {
                end(r);
                next = Duration.ZERO; // a slot is free, or a dependency ended: start what is ready now
            } else if (next == null || n.get().compareTo(next) < 0) {
                next = n.get();
            }
        }
        if (running.isEmpty() && pending.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(next == null ? Duration.ZERO : next);
    }

    /** {@link BatchRules#startReady}; the children it marks as never to start are kept in the state too. */
    private void startReady(int slots) {
        BatchRules.startReady(pending, ended, () -> Optional.ofNullable(state.haltReason), slots, this::begin,
                child -> hosts.log(child, false));
        for (ChildOutcome o : List.copyOf(ended.values())) {
            if (!state.children.containsKey(o.identifier())) {
                state.children.put(o.identifier(), new BatchState.Child());
                record(o);
            }
        }
    }

    private void begin(ChildBuild child) {
        BatchState.Child saved = new BatchState.Child();
        Instant start = clock.instant();
        saved.startMillis = start.toEpochMilli();
        state.children.put(child.identifier(), saved);
        state.changed();
        Path source;
        OutputStream log;
        BuildMachine machine;
        try {
            source = hosts.copySource(child);
            saved.source = source.toString();
            log = hosts.log(child, false);
            machine = machines.start(child, source, log);
        } catch (IOException e) {
            record(new ChildOutcome(child, Status.FAULT, Optional.empty(), Optional.of(start),
                    Optional.of(clock.instant()), Optional.of("cannot copy the source: " + e.getMessage())));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(new ChildOutcome(child, Status.STOPPED, Optional.empty(), Optional.of(start),
                    Optional.of(clock.instant()), Optional.of("interrupted")));
            return;
        }
        saved.build = machine.state();
        synchronized (running) {
            running.put(child.identifier(), new Running(child, machine, log, start, source));
        }
        if (stopRequested || state.haltReason != null) {
            machine.requestStop();
        }
        try {
            machine.prepare(); // false: the child ended before its driver started; the next poll completes it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            machine.requestStop();
        }
    }

    private void end(Running r) throws InterruptedException {
        BuildResult result = r.machine().complete();
        BatchRules.closeQuietly(r.log());
        try {
            hosts.deleteSource(r.source());
        } catch (IOException e) {
            out.println("[batch] warning: could not remove the source copy of " + r.child().identifier() + ": "
                    + e.getMessage());
        }
        synchronized (running) {
            running.remove(r.child().identifier());
        }
        ChildOutcome outcome = new ChildOutcome(r.child(), result.status(), Optional.of(result), Optional.of(r.start()),
                Optional.of(clock.instant()), Optional.empty());
        record(outcome);
        BatchRules.fastFail(outcome, plan.fastFail()).ifPresent(this::halt);
    }

    private void record(ChildOutcome outcome) {
        ended.put(outcome.identifier(), outcome);
        BatchState.Child saved = state.children.get(outcome.identifier());
        saved.ended = true;
        saved.status = outcome.status().name();
        saved.endMillis = outcome.end().map(Instant::toEpochMilli).orElse(0L);
        saved.reason = outcome.reason().orElse(null);
        state.changed();
    }

    private void halt(String reason) {
        if (state.haltReason == null || reason.equals(BatchRules.BATCH_STOPPED) && !reason.equals(state.haltReason)) {
            state.haltReason = reason;
            state.stopRequested |= reason.equals(BatchRules.BATCH_STOPPED);
            state.changed();
        }
        for (Running r : runningNow()) {
            r.machine().requestStop();
        }
    }

    /**
     * Stops and completes whatever still runs (only after an error of the host's: polls end every child), marks
     * what never started, and returns the batch's result; its summary ends the console.
     */
    public synchronized BatchResult complete() throws InterruptedException {
        if (!running.isEmpty() || !pending.isEmpty()) {
            requestStop();
            halt(BatchRules.BATCH_STOPPED);
            for (Running r : runningNow()) {
                end(r);
            }
            startReady(0);
        }
        BatchResult result = BatchResult.of(plan.children().stream().map(c -> ended.get(c.identifier())).toList(),
                state.stopRequested);
        result.summary().forEach(out::println);
        return result;
    }
}
