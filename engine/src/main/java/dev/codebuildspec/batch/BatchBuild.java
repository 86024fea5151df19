package dev.codebuildspec.batch;

import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.run.BuildRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A batch build ({@code run --batch}): one child build per task of the buildspec's {@code batch}
 * section, each in its own container with {@code CODEBUILD_BATCH_BUILD_IDENTIFIER} set, its log
 * lines prefixed on the console and kept whole in {@code <logDir>/<identifier>.log}, its artifacts
 * under {@code <identifier>/}.
 */
public final class BatchBuild {
    private final DockerCli docker;
    private final Clock clock;
    private final Predicate<String> ownerGone;
    private final int parallelism;
    private final String host;
    private final Map<String, BuildRunner> running = new ConcurrentHashMap<>();
    private final java.util.Set<String> stopAsked = ConcurrentHashMap.newKeySet();
    private volatile BatchScheduler scheduler;
    private volatile boolean stopped;

    public BatchBuild(DockerCli docker, Clock clock, Predicate<String> ownerGone, int parallelism, String host) {
        this.host = host;
        this.docker = docker;
        this.clock = clock;
        this.ownerGone = ownerGone;
        this.parallelism = parallelism;
    }

    public void stop() {
        stopped = true;
        BatchScheduler s = scheduler;
        if (s != null) {
            s.stopAll();
        }
    }

    /** Runs the batch; empty when the buildspec has no usable batch section (said on the console). */
    public Optional<BatchResult> run(BuildRequest parent, OutputStream console, Path logDir) throws IOException {
        PrintStream out = new PrintStream(new dev.codebuildspec.log.KeepOpenOutputStream(console), true,
                StandardCharsets.UTF_8);
        Optional<BatchPlan> plan = BatchPlan.of(parent, out);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        List<ChildBuild> children = plan.get().children();
        Files.createDirectories(logDir);
        out.println("[batch] " + children.size() + " build(s), at most " + parallelism + " at a time; logs in " + logDir);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            BatchSources.reap(tmp, host);
        } catch (IOException e) {
            out.println("[batch] warning: could not remove the sources of killed batches: " + e.getMessage());
        }
        Path sources = BatchSources.create(tmp);
        BatchResult result;
        try {
            scheduler = new BatchScheduler(new Children(parent, sources), logs(console, logDir), parallelism);
            if (stopped) {
                scheduler.stopAll();
            }
            result = scheduler.run(children, plan.get().fastFail());
        } finally {
            SourceCopy.delete(sources);
        }
        result.summary().forEach(out::println);
        return Optional.of(result);
    }

    private static ChildLogs logs(OutputStream console, Path logDir) {
        ChildLogs prefixed = ChildLogs.prefixed(console);
        return child -> new TeeOutputStream(prefixed.open(child),
                Files.newOutputStream(logDir.resolve(child.identifier() + ".log")));
    }

    /** Runs each child with its own {@link BuildRunner}, so that one can be stopped alone. */
    private final class Children implements ChildRunner {
        private final BuildRequest parent;
        private final Path sources;

        Children(BuildRequest parent, Path sources) {
            this.parent = parent;
            this.sources = sources;
        }

        @Override
        public BuildResult run(ChildBuild child, OutputStream log) throws InterruptedException {
            BuildRunner runner = new BuildRunner(docker, clock, ownerGone);
            running.put(child.identifier(), runner);
            Path source = sources.resolve(child.identifier());
            try {
                // A stop may come before this child was registered: stop() records it first, then looks here.
                if (stopped || stopAsked.contains(child.identifier())) {
                    runner.stop();
                }
                SourceCopy.copy(parent.sourceDir(), source);
                return runner.run(BatchPlan.request(parent, child, source, Optional.empty()), log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the source for " + child.identifier(), e);
            } finally {
                running.remove(child.identifier());
                try {
                    SourceCopy.delete(source);
                } catch (IOException e) {
                    // The whole batch directory is deleted at the end as well.
                }
            }
        }

        @Override
        public void stop(ChildBuild child) {
            stopAsked.add(child.identifier());
            BuildRunner r = running.get(child.identifier());
            if (r != null) {
                r.stop();
            }
        }
    }
}
