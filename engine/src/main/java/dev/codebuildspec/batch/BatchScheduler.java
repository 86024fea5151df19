package dev.codebuildspec.batch;

import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.record.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Runs the children of one batch through a {@link ChildRunner}, at most {@code parallelism} at a
 * time, each on a thread named after it.
 *
 * <ul>
 * <li>A child starts once all its dependencies ended. Ready children are handed to threads in
 * plan order (with a limit above one their threads then race to begin).
 * <li>A dependency that did not succeed blocks its dependents, unless it has {@code ignore-failure}
 * and actually ran. A blocked child is not started and ends STOPPED without a start time (see
 * {@link ChildOutcome}); its log gets one line saying why.
 * <li>{@code fast-fail}: when a started child without {@code ignore-failure} does not succeed, the
 * running siblings are stopped through {@link ChildRunner#stop} and no further child starts.
 * Without it, every child that can still run runs.
 * <li>{@link #stopAll()} (from any thread) or an interrupt of the thread in {@link #run} stops the
 * whole batch the same way; the batch is then STOPPED. {@link #run} still waits for the running
 * children to end, so every child has an outcome and no container is left behind.
 * </ul>
 * One instance runs one batch. The coordinator blocks on a completion queue: nothing polls.
 */
public final class BatchScheduler {
    private static final String BATCH_STOPPED = "the batch was stopped";

    private final ChildRunner runner;
    private final ChildLogs logs;
    private final int parallelism;

    private final Object lock = new Object();
    // Guarded by lock: read by the coordinator and the child threads, written by stopAll from anywhere.
    private boolean used;
    private boolean stopRequested;
    private Optional<String> haltReason = Optional.empty(); // once set, no child starts
    private final Set<ChildBuild> running = new LinkedHashSet<>();

    public BatchScheduler(ChildRunner runner, ChildLogs logs, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallel builds must be at least 1: " + parallelism);
        }
        this.runner = runner;
        this.logs = logs;
        this.parallelism = parallelism;
    }

    /** The default for {@code --parallel}: one child per core. */
    public static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs the batch to its end. An interrupt stops the batch; the interrupt flag is set again on return.
     *
     * @throws IllegalArgumentException for duplicate identifiers, unknown dependencies or cycles
     */
    public BatchResult run(List<ChildBuild> children, boolean fastFail) {
        DependencyCheck.check(children);
        synchronized (lock) {
            if (used) {
                throw new IllegalStateException("a BatchScheduler runs one batch");
            }
            used = true;
        }
        Map<String, ChildOutcome> ended = new HashMap<>();
        List<ChildBuild> pending = new ArrayList<>(children);
        ExecutorService pool = Executors.newCachedThreadPool(DAEMONS);
        CompletionService<ChildOutcome> completions = new ExecutorCompletionService<>(pool);
        int inFlight = 0;
        boolean interrupted = false;
        try {
            while (true) {
                inFlight += startReady(pending, ended, completions, parallelism - inFlight);
                if (inFlight == 0) {
                    break; // the graph is acyclic, so nothing pending can be left waiting
                }
                ChildOutcome outcome;
                try {
                    outcome = completions.take().get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    stopAll();
                    continue;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a batch child thread failed", e.getCause());
                }
                inFlight--;
                ended.put(outcome.identifier(), outcome);
                if (fastFail && outcome.started() && !outcome.succeeded() && !outcome.child().ignoreFailure()) {
                    halt("fast-fail after " + outcome.identifier() + " ended " + outcome.status());
                }
            }
        } finally {
            if (inFlight > 0) {
                stopAll(); // only after an unexpected error: leave no child running
            }
            pool.shutdown();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        boolean stopped;
        synchronized (lock) {
            stopped = stopRequested;
        }
        return BatchResult.of(children.stream().map(c -> ended.get(c.identifier())).toList(), stopped);
    }

    /** Stops every running child and starts no other; the batch ends STOPPED. Safe from any thread, any time. */
    public void stopAll() {
        synchronized (lock) {
            stopRequested = true;
        }
        halt(BATCH_STOPPED);
    }

    private void halt(String reason) {
        List<ChildBuild> toStop;
        synchronized (lock) {
            if (haltReason.isEmpty() || reason.equals(BATCH_STOPPED)) {
                haltReason = Optional.of(reason);
            }
            toStop = List.copyOf(running);
        }
        for (ChildBuild child : toStop) {
            try {
                runner.stop(child);
            } catch (RuntimeException e) {
                // Nothing better to do here: the child's own run reports how it ended.
            }
        }
    }

    /**
     * Marks the children that can no longer run, then hands up to {@code slots} ready ones to threads,
     * in plan order. Repeats while marking changes something: a blocked child blocks its dependents,
     * which may come earlier in the plan.
     */
    private int startReady(List<ChildBuild> pending, Map<String, ChildOutcome> ended,
            CompletionService<ChildOutcome> completions, int slots) {
        int started = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<ChildBuild> it = pending.iterator(); it.hasNext(); ) {
                ChildBuild child = it.next();
                Optional<String> blocked = blockedBy(child, ended);
                if (blocked.isPresent()) {
                    ended.put(child.identifier(), skip(child, blocked.get()));
                    it.remove();
                    changed = true;
                } else if (started < slots && child.dependsOn().stream().allMatch(ended::containsKey)) {
                    completions.submit(() -> runOnOwnThread(child));
                    it.remove();
                    started++;
                }
            }
        }
        return started;
    }

    private Optional<String> blockedBy(ChildBuild child, Map<String, ChildOutcome> ended) {
        synchronized (lock) {
            if (haltReason.isPresent()) {
                return haltReason;
            }
        }
        for (String dep : child.dependsOn()) {
            ChildOutcome d = ended.get(dep);
            if (d != null && !(d.succeeded() || d.child().ignoreFailure() && d.started())) {
                return Optional.of("dependency " + dep + (d.started() ? " ended " + d.status() : " did not run"));
            }
        }
        return Optional.empty();
    }

    private ChildOutcome runOnOwnThread(ChildBuild child) {
        Thread thread = Thread.currentThread();
        String poolName = thread.getName();
        thread.setName("batch-" + child.identifier());
        try {
            synchronized (lock) {
                // A halt may come between hand-over and here; then the child must not start.
                if (haltReason.isPresent()) {
                    return skip(child, haltReason.get());
                }
                running.add(child);
            }
            try {
                return runStarted(child);
            } finally {
                synchronized (lock) {
                    running.remove(child);
                }
            }
        } finally {
            thread.setName(poolName);
        }
    }

    private ChildOutcome runStarted(ChildBuild child) {
        Instant start = Instant.now();
        OutputStream log;
        try {
            log = logs.open(child);
        } catch (IOException | RuntimeException e) {
            return withoutResult(child, Status.FAULT, start, "cannot open the child's log: " + e);
        }
        try {
            BuildResult result = runner.run(child, log);
            return new ChildOutcome(child, result.status(), Optional.of(result), Optional.of(start),
                    Optional.of(Instant.now()), Optional.empty());
        } catch (InterruptedException e) {
            return withoutResult(child, Status.STOPPED, start, "interrupted");
        } catch (RuntimeException e) {
            note(log, "the build runner failed: " + e);
            return withoutResult(child, Status.FAULT, start, "the build runner failed: " + e);
        } finally {
            closeQuietly(log);
        }
    }

    private static ChildOutcome withoutResult(ChildBuild child, Status status, Instant start, String reason) {
        return new ChildOutcome(child, status, Optional.empty(), Optional.of(start), Optional.of(Instant.now()),
                Optional.of(reason));
    }

    /** A child that will not run; its log says why, so the console and its log file explain the gap. */
    private ChildOutcome skip(ChildBuild child, String reason) {
        try {
            OutputStream log = logs.open(child);
            note(log, "not started: " + reason);
            closeQuietly(log);
        } catch (IOException | RuntimeException e) {
            // The outcome carries the reason too.
        }
        return ChildOutcome.notRun(child, reason);
    }

    private static void note(OutputStream log, String line) {
        try {
            log.write(("[batch] " + line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The outcome carries the same text.
        }
    }

    private static void closeQuietly(OutputStream log) {
        try {
            log.close();
        } catch (IOException e) {
            // The child has ended; a log that cannot be closed changes nothing about its outcome.
        }
    }

    // Daemon threads: a batch abandoned by an unexpected error must not keep the JVM alive.
    private static final ThreadFactory DAEMONS = task -> {
        Thread t = new Thread(task, "batch-child");
        t.setDaemon(true);
        return t;
    };
}
