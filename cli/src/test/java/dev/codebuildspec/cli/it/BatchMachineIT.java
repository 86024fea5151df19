package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.batch.BatchMachine;
import dev.codebuildspec.batch.BatchPlan;
import dev.codebuildspec.batch.BatchRecordJson;
import dev.codebuildspec.batch.BatchResult;
import dev.codebuildspec.batch.BatchState;
import dev.codebuildspec.batch.ChildBuild;
import dev.codebuildspec.batch.ChildHosts;
import dev.codebuildspec.batch.ChildOutcome;
import dev.codebuildspec.batch.PrefixingOutputStream;
import dev.codebuildspec.batch.SourceCopy;
import dev.codebuildspec.batch.TeeOutputStream;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.BuildHost;
import dev.codebuildspec.run.BuildRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The polled batch machine Jenkins drives, with real containers and children run as durable-task runs them
 * ({@link DetachedHost}): order, fast-fail, and a batch dropped mid-run and finished by new hosts from its
 * serialized state.
 */
class BatchMachineIT {
    private static final String SECRET = "b4tch-s3cr3t-41";

    @TempDir
    Path tmp;

    /** Hosts as Jenkins makes them: a source copy and a control directory per child, a prefixed console, a log file each. */
    private final class Hosts implements ChildHosts {
        private final OutputStream console;

        Hosts(OutputStream console) {
            this.console = console;
        }

        @Override
        public Path copySource(ChildBuild child) throws IOException {
            return SourceCopy.copy(tmp.resolve("src"), tmp.resolve("copies").resolve(child.identifier()));
        }

        @Override
        public void deleteSource(Path copy) throws IOException {
            SourceCopy.delete(copy);
        }

        @Override
        public BuildHost host(ChildBuild child, Path source) {
            try {
                return new DetachedHost(Files.createDirectories(tmp.resolve("control").resolve(child.identifier())), source);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public OutputStream log(ChildBuild child, boolean again) throws IOException {
            Files.createDirectories(tmp.resolve("logs"));
            return new TeeOutputStream(new PrefixingOutputStream(console, child.identifier()),
                    Files.newOutputStream(tmp.resolve("logs").resolve(child.identifier() + ".log"),
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        }
    }

    private BuildRequest request(String buildspec) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("buildspec.yml"), buildspec);
        return BuildRequest.builder(src, TestImages.BUSYBOX)
                .environment(Map.of(), Map.of("TOKEN", SECRET))
                .timeout(Duration.ofMinutes(5))
                .identity("batch-machine-it", 3, "test")
                .owner("batch-machine-it:" + UUID.randomUUID(), OptionalInt.empty(), OptionalInt.empty())
                .build();
    }

    private static BatchPlan plan(BuildRequest request) {
        return BatchPlan.of(request, new PrintStream(OutputStream.nullOutputStream())).orElseThrow();
    }

    private static BatchResult finish(BatchMachine machine) throws Exception {
        Optional<Duration> next;
        while ((next = machine.poll()).isPresent()) {
            Thread.sleep(next.get().toMillis());
        }
        return machine.complete();
    }

    @Test
    void aBatchDroppedMidRunGoesOnInNewHostsFromItsSavedState() throws Exception {
        BuildRequest request = request("""
                version: 0.2
                batch:
                  build-graph:
                    - identifier: first
                    - identifier: second
                      depend-on: [first]
                    - identifier: third
                phases:
                  build:
                    commands:
                      - echo "child $CODEBUILD_BATCH_BUILD_IDENTIFIER begins with $TOKEN"
                      - sleep 2
                      - echo "child $CODEBUILD_BATCH_BUILD_IDENTIFIER ends"
                """);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        BatchMachine machine = BatchMachine.start(request, plan(request), 2, new Hosts(first), first, Clock.systemUTC());
        while (!first.toString(StandardCharsets.UTF_8).contains("[first] child first begins")) {
            Thread.sleep(machine.poll().orElseThrow().toMillis());
        }
        byte[] saved = Saved.serialize(machine.state());
        machine = null; // the hosts are gone; only the saved state is left

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        BatchMachine resumed = BatchMachine.resume(request, plan(request), 2, new Hosts(second),
                (BatchState) Saved.deserialize(saved), second, Clock.systemUTC());
        BatchResult result = finish(resumed);

        String whole = first.toString(StandardCharsets.UTF_8) + second.toString(StandardCharsets.UTF_8);
        assertThat(result.status()).as(whole).isEqualTo(Status.SUCCEEDED);
        for (String id : new String[] {"first", "second", "third"}) {
            assertThat(Saved.count(whole, "[" + id + "] child " + id + " begins with ***")).as(whole).isEqualTo(1);
            assertThat(Saved.count(whole, "[" + id + "] child " + id + " ends")).as(whole).isEqualTo(1);
            assertThat(Saved.count(whole, "[" + id + "] [Container]")).as(whole).isPositive();
            assertThat(Files.readString(tmp.resolve("logs").resolve(id + ".log")))
                    .contains("child " + id + " ends", "Phase complete: FINALIZING").doesNotContain("[" + id + "]");
        }
        assertThat(whole).doesNotContain(SECRET).contains("[batch] SUCCEEDED");
        ChildOutcome one = result.child("first").orElseThrow();
        ChildOutcome two = result.child("second").orElseThrow();
        assertThat(two.start().orElseThrow()).as("second waits for first").isAfterOrEqualTo(one.end().orElseThrow());
        assertThat(one.result()).as("an ended child keeps its record across the resume").isPresent();
        assertThat(BatchRecordJson.write(result)).contains("\"identifier\": \"third\"", "\"buildBatchStatus\": \"SUCCEEDED\"")
                .doesNotContain(SECRET);
        assertThat(Docker.containers(Docker.OWNER, request.owner())).isEmpty();
        assertThat(tmp.resolve("copies")).isEmptyDirectory();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "build-list:\\n    - identifier: a\\n    - identifier: b|a,b",
        "build-graph:\\n    - identifier: a\\n    - identifier: b\\n      depend-on: [a]|a,b",
        "build-matrix:\\n    dynamic:\\n      env:\\n        variables:\\n          V: [x, y]|build1,build2",
        "build-fanout:\\n    parallelism: 2|build1,build2"})
    void everyKindOfBatchRunsThroughThePolledMachine(String section, String identifiers) throws Exception {
        BuildRequest request = request("version: 0.2\nbatch:\n  " + section.replace("\\n", "\n") + "\nphases:\n"
                + "  build:\n    commands:\n      - echo \"ran $CODEBUILD_BATCH_BUILD_IDENTIFIER v=${V:-none}\"\n");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BatchResult result = finish(BatchMachine.start(request, plan(request), 2, new Hosts(console), console,
                Clock.systemUTC()));
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(result.status()).as(text).isEqualTo(Status.SUCCEEDED);
        assertThat(result.children()).extracting(ChildOutcome::identifier).containsExactly(identifiers.split(","));
        for (String id : identifiers.split(",")) {
            assertThat(text).contains("[" + id + "] ran " + id + " v=");
        }
        if (section.startsWith("build-matrix")) {
            assertThat(text).contains("[build1] ran build1 v=x", "[build2] ran build2 v=y");
        }
        assertThat(BatchRecordJson.write(result)).contains("\"identifier\": \"" + identifiers.split(",")[1] + "\"");
    }

    @Test
    void fastFailStopsTheRunningSiblingAndStartsNoOther() throws Exception {
        BuildRequest request = request("""
                version: 0.2
                batch:
                  fast-fail: true
                  build-graph:
                    - identifier: fails
                    - identifier: sleeps
                    - identifier: later
                      depend-on: [sleeps]
                phases:
                  build:
                    commands:
                      - if [ "$CODEBUILD_BATCH_BUILD_IDENTIFIER" = fails ]; then sleep 1; exit 4; fi
                      - sleep 600
                """);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        // run(): the freestyle builder's way, the whole batch on one thread.
        BatchResult result = BatchMachine.start(request, plan(request), 2, new Hosts(console), console,
                Clock.systemUTC()).run();
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as(text).isLessThan(Duration.ofSeconds(120));
        assertThat(result.status()).as(text).isEqualTo(Status.FAILED);
        assertThat(result.child("fails").orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(result.child("sleeps").orElseThrow().status()).isEqualTo(Status.STOPPED);
        assertThat(result.child("later").orElseThrow().started()).isFalse();
        assertThat(text).contains("[later] [batch] not started: fast-fail after fails ended FAILED");
        assertThat(Docker.containers(Docker.OWNER, request.owner())).isEmpty();
    }

    @Test
    void aStopEndsEveryChildStoppedAndTheBatchStopped() throws Exception {
        BuildRequest request = request("""
                version: 0.2
                batch:
                  build-list:
                    - identifier: one
                    - identifier: two
                phases:
                  build:
                    commands:
                      - echo started; sleep 600
                """);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BatchMachine machine = BatchMachine.start(request, plan(request), 2, new Hosts(console), console, Clock.systemUTC());
        while (Saved.count(console.toString(StandardCharsets.UTF_8), "] started") < 2) {
            Thread.sleep(machine.poll().orElseThrow().toMillis());
        }
        machine.stopNow();
        BatchResult result = finish(machine);
        assertThat(result.status()).isEqualTo(Status.STOPPED);
        assertThat(result.children()).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.STOPPED));
        assertThat(Docker.containers(Docker.OWNER, request.owner())).isEmpty();
    }
}
