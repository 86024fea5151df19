package dev.codebuildspec.batch;

import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.record.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * <li>Which child starts when, and what fast-fail does, are {@link BatchRules}. Ready children are handed to
 * threads in plan order (with a limit above one their threads then race to begin); running siblings are
 * stopped through {@link ChildRunner#stop}.
 * <li>{@link #stopAll()} (from any thread) or an interrupt of the thread in {@link #run} stops the
 * whole batch the same way; the batch is then STOPPED. {@link #run} still waits for the running
 * children to end, so every child has an outcome and no container is left behind.
 * </ul>
 * One instance runs one batch. The coordinator blocks on a completion queue: nothing polls.
 */
public final class BatchScheduler {
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
                BatchRules.fastFail(outcome, fastFail).ifPresent(this::halt);
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
        halt(BatchRules.BATCH_STOPPED);
    }

    private void halt(String reason) {
        List<ChildBuild> toStop;
        synchronized (lock) {
            if (haltReason.isEmpty() || reason.equals(BatchRules.BATCH_STOPPED)) {
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

    private int startReady(List<ChildBuild> pending, Map<String, ChildOutcome> ended,
            CompletionService<ChildOutcome> completions, int slots) {
        return BatchRules.startReady(pending, ended, this::haltReason, slots,
                child -> completions.submit(() -> runOnOwnThread(child)), logs);
    }

    private Optional<String> haltReason() {
        synchronized (lock) {
            return haltReason;
        }
    }

    private ChildOutcome runOnOwnThread(ChildBuild child) {
        Thread thread = Thread.currentThread();
        String poolName = thread.getName();
        thread.setName("batch-" + child.identifier());
        try {
            synchronized (lock) {
                // A halt may come between hand-over and here; then the child must not start.
                if (haltReason.isPresent()) {
                    return BatchRules.skip(child, haltReason.get(), logs);
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
            BatchRules.note(log, "the build runner failed: " + e);
            return withoutResult(child, Status.FAULT, start, "the build runner failed: " + e);
        } finally {
            BatchRules.closeQuietly(log);
        }
    }

    private static ChildOutcome withoutResult(ChildBuild child, Status status, Instant start, String reason) {
        return new ChildOutcome(child, status, Optional.empty(), Optional.of(start), Optional.of(Instant.now()),
                Optional.of(reason));
    }

    // Daemon threads: a batch abandoned by an unexpected error must not keep the JVM alive.
    private static final ThreadFactory DAEMONS = task -> {
        Thread t = new Thread(task, "batch-child");
        t.setDaemon(true);
        return t;
    };
}
