package dev.codebuildspec.batch;

import static dev.codebuildspec.batch.ScriptedRunner.Outcome.FAIL;
import static dev.codebuildspec.batch.ScriptedRunner.Outcome.SUCCEED;
import static dev.codebuildspec.batch.ScriptedRunner.Outcome.THROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codebuildspec.record.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduling algorithm, on real threads, with a scripted runner in place of containers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class BatchSchedulerTest {
    /** A child that only ends when stopped: longer than the class's hang guard, so a missed stop fails the test. */
    private static final long LONG = 600_000;

    private final ScriptedRunner runner = new ScriptedRunner();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private static ChildBuild child(String id, String... dependsOn) {
        return new ChildBuild(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                List.of(dependsOn), false, false);
    }

    private static ChildBuild ignoringFailure(String id, String... dependsOn) {
        return new ChildBuild(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                List.of(dependsOn), true, false);
    }

    private BatchScheduler scheduler(int parallel) {
        return new BatchScheduler(runner, ChildLogs.prefixed(console), parallel);
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsIndependentChildrenInParallelUpToTheLimit() {
        List<ChildBuild> children = List.of(child("a"), child("b"), child("c"), child("d"), child("e"), child("f"));
        children.forEach(c -> runner.script(c.identifier(), SUCCEED, 100));

        BatchResult result = scheduler(3).run(children, false);

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(result.children()).extracting(ChildOutcome::identifier).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(result.children()).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(Status.SUCCEEDED);
            assertThat(o.result()).isPresent();
            assertThat(o.start()).isPresent();
            assertThat(o.end().orElseThrow()).isAfterOrEqualTo(o.start().orElseThrow());
        });
        assertThat(runner.maxConcurrent.get()).isEqualTo(3);
    }

    @Test
    void startsReadyChildrenInPlanOrder() {
        List<ChildBuild> children = List.of(child("c"), child("a"), child("b"));

        scheduler(1).run(children, false);

        assertThat(runner.events).containsExactly("start c", "end c", "start a", "end a", "start b", "end b");
        assertThat(runner.maxConcurrent.get()).isEqualTo(1);
    }

    @Test
    void aChildStartsOnlyAfterAllItsDependenciesEnded() {
        runner.script("a", SUCCEED, 50).script("b", SUCCEED, 80).script("c", SUCCEED, 80).script("d", SUCCEED, 10);
        List<ChildBuild> children = List.of(child("d", "b", "c"), child("c", "a"), child("b", "a"), child("a"));

        BatchResult result = scheduler(4).run(children, false);

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(runner.indexOf("start b")).isGreaterThan(runner.indexOf("end a"));
        assertThat(runner.indexOf("start c")).isGreaterThan(runner.indexOf("end a"));
        assertThat(runner.indexOf("start d")).isGreaterThan(runner.indexOf("end b")).isGreaterThan(runner.indexOf("end c"));
        assertThat(runner.maxConcurrent.get()).as("b and c run together").isEqualTo(2);
        assertThat(result.child("d").orElseThrow().start().orElseThrow())
                .isAfterOrEqualTo(result.child("c").orElseThrow().end().orElseThrow());
    }

    @Test
    void aFailedDependencyBlocksItsDependentsTransitivelyWhileOthersRunOn() {
        runner.script("a", FAIL, 0).script("c", SUCCEED, 100);
        // Dependents before their dependencies in the plan: blocking must still reach d.
        List<ChildBuild> children = List.of(child("d", "b"), child("b", "a"), child("a"), child("c"));

        BatchResult result = scheduler(4).run(children, false);

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.child("a").orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(result.child("c").orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
        ChildOutcome b = result.child("b").orElseThrow();
        assertThat(b.status()).isEqualTo(Status.STOPPED);
        assertThat(b.started()).isFalse();
        assertThat(b.result()).isEmpty();
        assertThat(b.end()).isEmpty();
        assertThat(b.reason()).contains("dependency a ended FAILED");
        assertThat(result.child("d").orElseThrow().reason()).contains("dependency b did not run");
        assertThat(runner.events).doesNotContain("start b", "start d");
        assertThat(console()).contains("[b] [batch] not started: dependency a ended FAILED\n",
                "[d] [batch] not started: dependency b did not run\n");
    }

    @Test
    void anIgnoredFailureNeitherFailsTheBatchNorBlocksDependentsNorFailsFast() {
        runner.script("a", FAIL, 0).script("c", SUCCEED, 150);
        List<ChildBuild> children = List.of(ignoringFailure("a"), child("b", "a"), child("c"));

        BatchResult result = scheduler(4).run(children, true);

        assertThat(result.status()).isEqualTo(Status.SUCCEEDED);
        assertThat(result.children()).extracting(ChildOutcome::status)
                .containsExactly(Status.FAILED, Status.SUCCEEDED, Status.SUCCEEDED);
        assertThat(runner.stopCalls).isEmpty();
    }

    @Test
    void fastFailStopsRunningSiblingsPromptlyAndStartsNoOther() {
        runner.script("a", FAIL, 50).script("b", SUCCEED, LONG);
        List<ChildBuild> children = List.of(child("a"), child("b"), child("c"));

        BatchResult result = scheduler(2).run(children, true);

        assertThat(result.status()).isEqualTo(Status.FAILED);
        ChildOutcome b = result.child("b").orElseThrow();
        assertThat(b.status()).isEqualTo(Status.STOPPED);
        assertThat(b.result()).isPresent();
        assertThat(runner.stopCalls).containsExactly("b");
        ChildOutcome c = result.child("c").orElseThrow();
        assertThat(c.started()).isFalse();
        assertThat(c.reason()).contains("fast-fail after a ended FAILED");
        assertThat(runner.events).doesNotContain("start c");
    }

    @Test
    void withoutFastFailTheOthersFinish() {
        runner.script("a", FAIL, 20).script("b", SUCCEED, 150).script("c", SUCCEED, 0);
        List<ChildBuild> children = List.of(child("a"), child("b"), child("c"));

        BatchResult result = scheduler(2).run(children, false);

        assertThat(result.status()).isEqualTo(Status.FAILED);
        assertThat(result.children()).extracting(ChildOutcome::status)
                .containsExactly(Status.FAILED, Status.SUCCEEDED, Status.SUCCEEDED);
        assertThat(runner.stopCalls).isEmpty();
    }

    @Test
    void stopAllStopsRunningChildrenStartsNoOtherAndTheBatchIsStopped() throws Exception {
        runner.script("a", SUCCEED, LONG).script("b", SUCCEED, LONG);
        BatchScheduler scheduler = scheduler(2);
        CompletableFuture<BatchResult> running = CompletableFuture.supplyAsync(
                () -> scheduler.run(List.of(child("a"), child("b"), child("c", "a")), false));
        runner.awaitStarted("a", "b");

        scheduler.stopAll();
        BatchResult result = running.get(30, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(Status.STOPPED);
        assertThat(result.children()).extracting(ChildOutcome::status)
                .containsExactly(Status.STOPPED, Status.STOPPED, Status.STOPPED);
        assertThat(runner.stopCalls).containsExactlyInAnyOrder("a", "b");
        assertThat(result.child("c").orElseThrow().reason()).contains("the batch was stopped");
    }

    @Test
    void anInterruptOfTheBatchThreadStopsTheBatchAndIsKept() throws Exception {
        runner.script("a", SUCCEED, LONG);
        BatchScheduler scheduler = scheduler(2);
        BatchResult[] result = new BatchResult[1];
        boolean[] stillInterrupted = new boolean[1];
        Thread batch = new Thread(() -> {
            result[0] = scheduler.run(List.of(child("a")), false);
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        batch.start();
        runner.awaitStarted("a");

        batch.interrupt();
        batch.join(30_000);

        assertThat(batch.isAlive()).isFalse();
        assertThat(result[0].status()).isEqualTo(Status.STOPPED);
        assertThat(result[0].child("a").orElseThrow().status()).isEqualTo(Status.STOPPED);
        assertThat(stillInterrupted[0]).isTrue();
    }

    @Test
    void stopAllBeforeTheRunStartsNothing() {
        BatchScheduler scheduler = scheduler(2);
        scheduler.stopAll();

        BatchResult result = scheduler.run(List.of(child("a"), child("b", "a")), false);

        assertThat(result.status()).isEqualTo(Status.STOPPED);
        assertThat(result.children()).noneMatch(ChildOutcome::started);
        assertThat(runner.events).isEmpty();
    }

    @Test
    void aRunnerThatThrowsIsAFaultOfThatChild() {
        runner.script("a", THROW, 0);

        BatchResult result = scheduler(2).run(List.of(child("a"), child("b")), false);

        assertThat(result.status()).isEqualTo(Status.FAILED);
        ChildOutcome a = result.child("a").orElseThrow();
        assertThat(a.status()).isEqualTo(Status.FAULT);
        assertThat(a.result()).isEmpty();
        assertThat(a.started()).isTrue();
        assertThat(a.reason().orElseThrow()).contains("boom in a");
        assertThat(console()).contains("[a] [batch] the build runner failed: java.lang.IllegalStateException: boom in a\n");
        assertThat(result.child("b").orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void eachChildRunsOnAThreadNamedAfterItAndLogsWithItsPrefix() {
        scheduler(2).run(List.of(child("alpha"), child("beta")), false);

        assertThat(runner.threadNames).containsEntry("alpha", "batch-alpha").containsEntry("beta", "batch-beta");
        assertThat(console()).contains("[alpha] hello from alpha\n", "[beta] hello from beta\n");
    }

    @Test
    void rejectsAnInvalidGraphALimitBelowOneAndASecondRun() {
        assertThatThrownBy(() -> scheduler(2).run(List.of(child("a", "b"), child("b", "a")), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batch dependency cycle: a -> b -> a");
        assertThatThrownBy(() -> scheduler(0)).isInstanceOf(IllegalArgumentException.class);
        BatchScheduler once = scheduler(1);
        once.run(List.of(child("a")), false);
        assertThatThrownBy(() -> once.run(List.of(child("a")), false)).isInstanceOf(IllegalStateException.class);
    }
}
