package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.LocalProcessLauncher;
import dev.codebuildspec.record.PhaseRecord;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.BuildHost;
import dev.codebuildspec.run.BuildMachine;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.run.BuildState;
import dev.codebuildspec.run.UnreachableHost;
import dev.codebuildspec.cli.host.LocalDockerHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one phase machine under both kinds of host: the CLI's attached {@code docker exec} and a host
 * that behaves as Jenkins' durable-task does ({@link DetachedHost}). The same buildspecs give the same
 * transcripts, modulo timestamps and ids; a detached build survives losing its host object.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PhaseMachineIT {
    private static final String IMAGE = TestImages.BUSYBOX;
    private static final String SECRET = "s3cr3t-v4lue-77";

    @TempDir
    Path tmp;

    record Case(String name, String buildspec, Duration timeout) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("success", """
                        version: 0.2
                        env:
                          variables:
                            GREETING: hello
                          exported-variables:
                            - OUT
                        phases:
                          install:
                            commands:
                              - echo install $GREETING
                          pre_build:
                            commands:
                              - echo token is $TOKEN
                              - OUT=exported-value
                          build:
                            commands:
                              - mkdir -p out reports
                              - echo artifact > out/a.txt
                              - printf '<testsuite name="s" tests="1"><testcase name="t"/></testsuite>' > reports/r.xml
                            finally:
                              - echo finally ran
                          post_build:
                            commands:
                              - echo post $OUT
                        artifacts:
                          files:
                            - out/**/*
                        reports:
                          unit:
                            files:
                              - reports/*.xml
                        """, Duration.ofMinutes(5)),
                new Case("failure", """
                        version: 0.2
                        phases:
                          build:
                            commands:
                              - echo before
                              - exit 3
                              - echo never
                            finally:
                              - echo finally
                          post_build:
                            commands:
                              - echo post
                        """, Duration.ofMinutes(5)),
                new Case("buildspec error", """
                        version: 0.2
                        phases:
                          build:
                            comands:
                              - echo typo
                        """, Duration.ofMinutes(5)),
                new Case("no bash in the image", """
                        version: 0.2
                        env:
                          shell: bash
                        phases:
                          build:
                            commands:
                              - echo hi
                        """, Duration.ofMinutes(5)),
                new Case("timeout", """
                        version: 0.2
                        phases:
                          build:
                            commands:
                              - echo sleeping
                              - sleep 60
                          post_build:
                            commands:
                              - echo post
                        """, Duration.ofSeconds(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bothHostsGiveTheSameTranscript(Case c) throws IOException {
        Run attached = run("attached", c, false);
        Run detached = run("detached", c, true);
        assertThat(detached.lines()).as(detached.text()).isEqualTo(attached.lines());
        assertThat(detached.result().status()).isEqualTo(attached.result().status());
        assertThat(attached.text()).doesNotContain(SECRET);
        assertThat(Docker.containers(Docker.BUILD_ID, detached.result().record().id())).isEmpty();
        assertThat(Docker.containers(Docker.BUILD_ID, attached.result().record().id())).isEmpty();
        try (Stream<Path> files = Files.walk(tmp.resolve("detached-control"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as("%s holds no secret", f).doesNotContain(SECRET);
            }
        }
        if (c.name().equals("success")) {
            assertThat(attached.text()).contains("token is ***", "Expanding base directory path: .",
                    "Assembling file list", "Preparing to upload report group unit");
            assertThat(attached.result().record().exportedVariables()).containsEntry("OUT", "exported-value");
        }
    }

    @Test
    void aDetachedBuildGoesOnInANewHostFromItsSavedState() throws Exception {
        Path src = source("resume", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo before
                      - sleep 3
                      - echo after
                  post_build:
                    commands:
                      - echo done
                """);
        BuildRequest request = request(src, Duration.ofMinutes(5));
        Path control = Files.createDirectories(tmp.resolve("resume-control"));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        BuildMachine machine = BuildMachine.start(request, new DetachedHost(control, src), first, Clock.systemUTC());
        assertThat(machine.prepare()).isTrue();
        while (!first.toString(StandardCharsets.UTF_8).contains("before")) {
            Thread.sleep(machine.poll().orElseThrow().toMillis());
        }
        byte[] saved = Saved.serialize(machine.state());
        machine = null; // the host is gone; only its saved state is left

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        BuildMachine resumed = BuildMachine.resume(request(src, Duration.ofMinutes(5)), new DetachedHost(control, src),
                (BuildState) Saved.deserialize(saved), second, Clock.systemUTC());
        Optional<Duration> next;
        while ((next = resumed.poll()).isPresent()) {
            Thread.sleep(next.get().toMillis());
        }
        BuildResult result = resumed.complete();

        String whole = first.toString(StandardCharsets.UTF_8) + second.toString(StandardCharsets.UTF_8);
        assertThat(result.status()).as(whole).isEqualTo(Status.SUCCEEDED);
        assertThat(Saved.count(whole, "\nbefore\n")).as(whole).isEqualTo(1);
        assertThat(Saved.count(whole, "\nafter\n")).as(whole).isEqualTo(1);
        assertThat(Saved.count(whole, "Entering phase BUILD")).as(whole).isEqualTo(1);
        assertThat(second.toString(StandardCharsets.UTF_8)).contains("Entering phase POST_BUILD", "Phase complete: FINALIZING");
        assertThat(result.record().phases()).extracting(PhaseRecord::type).containsExactly(PhaseType.DOWNLOAD_SOURCE,
                PhaseType.INSTALL, PhaseType.PRE_BUILD, PhaseType.BUILD, PhaseType.POST_BUILD, PhaseType.UPLOAD_ARTIFACTS,
                PhaseType.FINALIZING);
        assertThat(result.record().phases()).allSatisfy(p -> assertThat(p.status()).isEqualTo(Status.SUCCEEDED));
        assertThat(Docker.containers(Docker.BUILD_ID, result.record().id())).isEmpty();
    }

    @Test
    void aResumedBuildNumbersItsCommandsAsBeforeWithRuntimeVersionsFirst() throws Exception {
        Path src = source("resume-runtimes", """
                version: 0.2
                phases:
                  install:
                    runtime-versions:
                      nodejs: 18
                  build:
                    commands:
                      - echo before
                      - sleep 3
                      - echo "node is $NODE"
                """);
        dev.codebuildspec.runtime.RuntimesFile runtimes = dev.codebuildspec.runtime.RuntimesFile.parse("""
                runtimes:
                  nodejs:
                    versions:
                      18:
                        commands: [export NODE=eighteen]
                """, "runtimes.yml");
        BuildRequest request = BuildRequest.builder(src, IMAGE).timeout(Duration.ofMinutes(5))
                .identity("machine-it", 8, "test").owner("machine-it:" + UUID.randomUUID(), OptionalInt.empty(),
                        OptionalInt.empty()).runtimesFile(Optional.of(runtimes)).build();
        Path control = Files.createDirectories(tmp.resolve("resume-runtimes-control"));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        BuildMachine machine = BuildMachine.start(request, new DetachedHost(control, src), first, Clock.systemUTC());
        assertThat(machine.prepare()).isTrue();
        while (!first.toString(StandardCharsets.UTF_8).contains("\nbefore\n")) {
            Thread.sleep(machine.poll().orElseThrow().toMillis());
        }
        byte[] saved = Saved.serialize(machine.state());
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        BuildMachine resumed = BuildMachine.resume(request, new DetachedHost(control, src), (BuildState) Saved.deserialize(saved), second,
                Clock.systemUTC());
        Optional<Duration> next;
        while ((next = resumed.poll()).isPresent()) {
            Thread.sleep(next.get().toMillis());
        }
        BuildResult result = resumed.complete();
        String after = second.toString(StandardCharsets.UTF_8);
        assertThat(result.status()).as(first + after).isEqualTo(Status.SUCCEEDED);
        assertThat(after).contains("Running command echo \"node is $NODE\"", "node is eighteen");
        assertThat(first.toString(StandardCharsets.UTF_8)).contains("Running command export NODE=eighteen");
    }

    /**
     * The cache as Jenkins runs it: each restore and save is a {@code CacheJob} that crosses a serialization
     * boundary (the controller-agent link) and runs there; a second build restores what the first saved.
     */
    @Test
    void aCacheJobTravelsAndRunsWhereTheCacheIs() throws Exception {
        Path cacheDir = Files.createDirectories(tmp.resolve("cache"));
        String buildspec = """
                version: 0.2
                phases:
                  build:
                    commands:
                      - if [ -f deps/made ]; then echo "restored $(cat deps/made)"; else mkdir -p deps && echo first > deps/made; fi
                cache:
                  paths:
                    - deps/**/*
                """;
        List<String> outputs = new ArrayList<>();
        for (String kind : List.of("cache-first", "cache-second")) {
            Path src = source(kind, buildspec);
            BuildRequest request = BuildRequest.builder(src, IMAGE).timeout(Duration.ofMinutes(5))
                    .identity("machine-it-cache", 9, "test").owner("machine-it:" + UUID.randomUUID(), OptionalInt.empty(),
                            OptionalInt.empty()).cacheDir(Optional.of(cacheDir)).build();
            LocalDockerHost local = new LocalDockerHost(new DockerCli(new LocalProcessLauncher(), "docker"), owner -> false,
                    request);
            BuildHost travelling = new BuildHost() {
                @Override
                public DockerCli docker() {
                    return local.docker();
                }

                @Override
                public dev.codebuildspec.docker.ProcessLauncher processes() {
                    return local.processes();
                }

                @Override
                public dev.codebuildspec.run.DriverHost driver() {
                    return local.driver();
                }

                @Override
                public dev.codebuildspec.run.ContainerLaunch containerLaunch() {
                    return local.containerLaunch();
                }

                @Override
                public dev.codebuildspec.run.BuildOutputs outputs() {
                    return local.outputs();
                }

                @Override
                public java.util.function.Predicate<String> ownerGone() {
                    return local.ownerGone();
                }

                @Override
                public dev.codebuildspec.run.CacheKeeper caches() {
                    return new dev.codebuildspec.run.CacheKeeper() {
                        @Override
                        public List<String> restore(dev.codebuildspec.run.CacheJob job) throws InterruptedException {
                            return travel(job).restoreHere();
                        }

                        @Override
                        public List<String> save(dev.codebuildspec.run.CacheJob job) throws InterruptedException {
                            return travel(job).saveHere();
                        }
                    };
                }
            };
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            BuildResult result = BuildMachine.start(request, travelling, console, Clock.systemUTC()).run();
            assertThat(result.status()).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(Status.SUCCEEDED);
            outputs.add(console.toString(StandardCharsets.UTF_8));
        }
        assertThat(outputs.get(0)).contains("No cache found", "Saved cache");
        assertThat(outputs.get(1)).contains("Restoring cache", "restored first");
    }

    private static dev.codebuildspec.run.CacheJob travel(dev.codebuildspec.run.CacheJob job) {
        try {
            return (dev.codebuildspec.run.CacheJob) Saved.deserialize(Saved.serialize(job));
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("a cache job must travel", e);
        }
    }

    @Test
    void aDetachedBuildStopsWithItsContainerRemoved() throws Exception {
        Path src = source("stop", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo started
                      - sleep 60
                """);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BuildMachine machine = BuildMachine.start(request(src, Duration.ofMinutes(5)),
                new DetachedHost(Files.createDirectories(tmp.resolve("stop-control")), src), console, Clock.systemUTC());
        assertThat(machine.prepare()).isTrue();
        while (!console.toString(StandardCharsets.UTF_8).contains("started")) {
            Thread.sleep(machine.poll().orElseThrow().toMillis());
        }
        machine.stopNow();
        BuildResult result = machine.complete();
        assertThat(result.status()).isEqualTo(Status.STOPPED);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Phase complete: BUILD State: STOPPED");
        assertThat(Docker.containers(Docker.BUILD_ID, result.record().id())).isEmpty();
    }

    @Test
    void aBuildWhoseHostStaysAwayEndsFaultAtOnceWithItsContainerLeftForTheReaper() throws Exception {
        Path src = source("unreachable", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo started
                      - sleep 60
                """);
        BuildRequest request = request(src, Duration.ofMinutes(5));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        BuildMachine machine = BuildMachine.start(request, new DetachedHost(
                Files.createDirectories(tmp.resolve("unreachable-control")), src), first, Clock.systemUTC());
        assertThat(machine.prepare()).isTrue();
        while (!first.toString(StandardCharsets.UTF_8).contains("started")) {
            Thread.sleep(machine.poll().orElseThrow().toMillis());
        }
        BuildState state = (BuildState) Saved.deserialize(Saved.serialize(machine.state()));
        String id = state.buildId();

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        long began = System.nanoTime();
        BuildMachine lost = BuildMachine.resume(request, new UnreachableHost("agent a1 is not connected"), state, second,
                Clock.systemUTC());
        lost.fail("agent a1 did not come back within 5 minutes");
        BuildResult result = lost.complete();
        long seconds = Duration.ofNanos(System.nanoTime() - began).toSeconds();
        try {
            String text = second.toString(StandardCharsets.UTF_8);
            assertThat(result.status()).as(text).isEqualTo(Status.FAULT);
            assertThat(text).contains("Phase complete: BUILD State: FAULT",
                    "agent a1 did not come back within 5 minutes", "Phase complete: FINALIZING State: FAULT",
                    "agent a1 is not connected");
            assertThat(result.record().phases()).extracting(PhaseRecord::type).endsWith(PhaseType.FINALIZING);
            assertThat(seconds).as("FINALIZING does not wait for a host that is gone").isLessThan(30);
            assertThat(Docker.containers(Docker.BUILD_ID, id)).hasSize(1);
        } finally {
            new dev.codebuildspec.docker.ContainerReaper(new DockerCli(new LocalProcessLauncher(), "docker"))
                    .reap(owner -> owner.equals(request.owner()));
        }
        assertThat(Docker.containers(Docker.BUILD_ID, id)).isEmpty();
    }

    @Test
    void aBuildWhoseHostFailsInWaysNoOneFoundYetStillEndsFaultWithItsContainerRemoved() throws Exception {
        Path src = source("host-bug", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo started
                """);
        BuildRequest request = request(src, Duration.ofMinutes(5));
        BuildHost buggy = new DetachedHost(Files.createDirectories(tmp.resolve("host-bug-control")), src) {
            @Override
            public dev.codebuildspec.run.DriverHost driver() {
                dev.codebuildspec.run.DriverHost real = super.driver();
                return new dev.codebuildspec.run.DriverHost() {
                    @Override
                    public dev.codebuildspec.run.DriverTask start(dev.codebuildspec.run.DriverStart start,
                            java.io.OutputStream out) throws IOException, dev.codebuildspec.docker.DockerException,
                            InterruptedException {
                        real.start(start, out);
                        return new dev.codebuildspec.run.DriverTask() {
                            @Override
                            public dev.codebuildspec.run.DriverPoll poll() {
                                throw new IllegalStateException("a bug in poll");
                            }

                            @Override
                            public void await(Duration max) {
                                throw new IllegalStateException("a bug in await");
                            }

                            @Override
                            public void kill() {
                                throw new IllegalStateException("a bug in kill");
                            }

                            @Override
                            public java.io.Serializable saved() {
                                return null;
                            }
                        };
                    }

                    @Override
                    public Optional<dev.codebuildspec.run.DriverTask> reattach(java.io.Serializable saved,
                            java.io.OutputStream out) {
                        return Optional.empty();
                    }
                };
            }
        };
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BuildResult result = BuildMachine.start(request, buggy, console, Clock.systemUTC()).run();
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(result.status()).as(text).isEqualTo(Status.FAULT);
        assertThat(text).contains("a bug in poll", "Phase complete: FINALIZING");
        assertThat(Docker.containers(Docker.BUILD_ID, result.record().id())).isEmpty();
    }

    private record Run(List<String> lines, String text, BuildResult result) {
    }

    private Run run(String kind, Case c, boolean detached) throws IOException {
        Path src = source(kind, c.buildspec());
        BuildRequest request = request(src, c.timeout());
        BuildHost host = detached ? new DetachedHost(Files.createDirectories(tmp.resolve(kind + "-control")), src)
                : new LocalDockerHost(new DockerCli(new LocalProcessLauncher(), "docker"), owner -> false, request);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BuildResult result = BuildMachine.start(request, host, console, Clock.systemUTC()).run();
        String text = console.toString(StandardCharsets.UTF_8);
        return new Run(normalize(text), text, result);
    }

    /** Timestamps, ids and the source's own path differ from run to run; nothing else may. */
    private List<String> normalize(String text) {
        return Arrays.stream(text.split("\n"))
                .map(l -> l.replaceAll("^\\[Container] \\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6} ", "[Container] "))
                .map(l -> l.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>"))
                .map(l -> l.replace(tmp.resolve("attached").toString(), "<src>").replace(tmp.resolve("detached").toString(), "<src>"))
                .filter(l -> !l.contains("left by builds that no longer run"))
                .toList();
    }

    private Path source(String kind, String buildspec) throws IOException {
        Path src = Files.createDirectories(tmp.resolve(kind).resolve("src"));
        Files.writeString(src.resolve("buildspec.yml"), buildspec);
        return src;
    }

    private static BuildRequest request(Path src, Duration timeout) {
        return BuildRequest.builder(src, IMAGE)
                .environment(Map.of(), Map.of("TOKEN", SECRET))
                .timeout(timeout)
                .identity("machine-it", 7, "test")
                .owner("machine-it:" + UUID.randomUUID(), OptionalInt.empty(), OptionalInt.empty())
                .build();
    }
}
