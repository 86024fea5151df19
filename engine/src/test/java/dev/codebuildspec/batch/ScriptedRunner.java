package dev.codebuildspec.batch;

import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.record.BuildRecord;
import dev.codebuildspec.record.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test ChildRunner: each child sleeps for its scripted time, then succeeds, fails or throws. A
 * stop ends the sleep at once with STOPPED (also when it comes before the run began). It records
 * what the scheduler did: start and end events in order, concurrency, thread names, stop calls.
 */
final class ScriptedRunner implements ChildRunner {
    enum Outcome { SUCCEED, FAIL, THROW }

    private record Script(Outcome outcome, long millis) {
    }

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> stopSignals = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> startSignals = new ConcurrentHashMap<>();
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> threadNames = new ConcurrentHashMap<>();
    final Set<String> stopCalls = ConcurrentHashMap.newKeySet();
    private final AtomicInteger current = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();

    ScriptedRunner script(String id, Outcome outcome, long millis) {
        scripts.put(id, new Script(outcome, millis));
        return this;
    }

    /** Blocks until every named child is inside run. */
    void awaitStarted(String... ids) throws InterruptedException {
        for (String id : ids) {
            if (!signal(startSignals, id).await(5, TimeUnit.SECONDS)) {
                throw new AssertionError(id + " did not start");
            }
        }
    }

    int indexOf(String event) {
        synchronized (events) {
            int i = events.indexOf(event);
            if (i < 0) {
                throw new AssertionError(event + " did not happen: " + events);
            }
            return i;
        }
    }

    @Override
    public BuildResult run(ChildBuild child, OutputStream log) throws InterruptedException {
        String id = child.identifier();
        events.add("start " + id);
        threadNames.put(id, Thread.currentThread().getName());
        maxConcurrent.accumulateAndGet(current.incrementAndGet(), Math::max);
        signal(startSignals, id).countDown();
        try {
            log.write(("hello from " + id + "\n").getBytes(StandardCharsets.UTF_8));
            Script script = scripts.getOrDefault(id, new Script(Outcome.SUCCEED, 0));
            boolean stopped = signal(stopSignals, id).await(script.millis(), TimeUnit.MILLISECONDS);
            if (stopped) {
                return result(id, Status.STOPPED);
            }
            return switch (script.outcome()) {
                case SUCCEED -> result(id, Status.SUCCEEDED);
                case FAIL -> result(id, Status.FAILED);
                case THROW -> throw new IllegalStateException("boom in " + id);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            current.decrementAndGet();
            events.add("end " + id);
        }
    }

    @Override
    public void stop(ChildBuild child) {
        stopCalls.add(child.identifier());
        signal(stopSignals, child.identifier()).countDown();
    }

    private static CountDownLatch signal(Map<String, CountDownLatch> signals, String id) {
        return signals.computeIfAbsent(id, k -> new CountDownLatch(1));
    }

    private static BuildResult result(String id, Status status) {
        Instant now = Instant.now();
        return new BuildResult(new BuildRecord("batch:" + id, "arn:local:" + id, 1, status, now, Optional.of(now),
                "image", "buildspec.yml", Optional.empty(), "test", List.of(), Map.of(), List.of(), List.of(), true), false,
                Optional.empty());
    }
}
