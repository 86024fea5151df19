package dev.codebuildspec.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * When a child of a batch starts, when it can no longer start, and when fast-fail halts the batch: the rules the
 * batch runner ({@link BatchMachine}) follows.
 *
 * <ul>
 * <li>A child starts once all its dependencies ended; ready children start in plan order.
 * <li>A dependency that did not succeed blocks its dependents, unless it has {@code ignore-failure} and actually
 * ran. A blocked child never starts and ends STOPPED without a start time; its log gets one line saying why.
 * <li>{@code fast-fail}: a started child without {@code ignore-failure} that does not succeed halts the batch:
 * the running siblings are stopped and no further child starts.
 * </ul>
 */
final class BatchRules {
    static final String BATCH_STOPPED = "the batch was stopped";

    private BatchRules() {
    }

    /**
     * Marks the children that can no longer run, then starts up to {@code slots} ready ones, in plan order.
     * Repeats while marking changes something: a blocked child blocks its dependents, which may come earlier in
     * the plan. Removes what it marks or starts from {@code pending}.
     *
     * @param halt why no child may start any more (a stop, fast-fail); empty while they may
     * @return how many children it started
     */
    static int startReady(List<ChildBuild> pending, Map<String, ChildOutcome> ended, Supplier<Optional<String>> halt,
            int slots, Consumer<ChildBuild> start, ChildLogs logs) {
        int started = 0;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Iterator<ChildBuild> it = pending.iterator(); it.hasNext(); ) {
                ChildBuild child = it.next();
                Optional<String> blocked = blockedBy(child, ended, halt.get());
                if (blocked.isPresent()) {
                    ended.put(child.identifier(), skip(child, blocked.get(), logs));
                    it.remove();
                    changed = true;
                } else if (started < slots && child.dependsOn().stream().allMatch(ended::containsKey)) {
                    it.remove();
                    start.accept(child);
                    started++;
                }
            }
        }
        return started;
    }

    private static Optional<String> blockedBy(ChildBuild child, Map<String, ChildOutcome> ended, Optional<String> halt) {
        if (halt.isPresent()) {
            return halt;
        }
        for (String dep : child.dependsOn()) {
            ChildOutcome d = ended.get(dep);
            if (d != null && !(d.succeeded() || d.child().ignoreFailure() && d.started())) {
                return Optional.of("dependency " + dep + (d.started() ? " ended " + d.status() : " did not run"));
            }
        }
        return Optional.empty();
    }

    /** Why {@code outcome} halts the batch under fast-fail; empty when it does not. */
    static Optional<String> fastFail(ChildOutcome outcome, boolean fastFail) {
        if (fastFail && outcome.started() && !outcome.succeeded() && !outcome.child().ignoreFailure()) {
            return Optional.of("fast-fail after " + outcome.identifier() + " ended " + outcome.status());
        }
        return Optional.empty();
    }

    /** A child that will not run; its log says why, so the console and its log file explain the gap. */
    static ChildOutcome skip(ChildBuild child, String reason, ChildLogs logs) {
        try {
            OutputStream log = logs.open(child);
            note(log, "not started: " + reason);
            closeQuietly(log);
        } catch (IOException | RuntimeException e) {
            // The outcome carries the reason too.
        }
        return ChildOutcome.notRun(child, reason);
    }

    static void note(OutputStream log, String line) {
        try {
            log.write(("[batch] " + line + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The outcome carries the same text.
        }
    }

    static void closeQuietly(OutputStream log) {
        try {
            log.close();
        } catch (IOException e) {
            // The child has ended; a log that cannot be closed changes nothing about its outcome.
        }
    }
}
