package dev.codebuildspec.cli.host;

import dev.codebuildspec.batch.BatchMachine;
import dev.codebuildspec.batch.BatchPlan;
import dev.codebuildspec.batch.BatchResult;
import dev.codebuildspec.batch.ChildBuild;
import dev.codebuildspec.batch.ChildHosts;
import dev.codebuildspec.batch.PrefixingOutputStream;
import dev.codebuildspec.batch.SourceCopy;
import dev.codebuildspec.batch.TeeOutputStream;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.log.KeepOpenOutputStream;
import dev.codebuildspec.run.BuildHost;
import dev.codebuildspec.run.BuildRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A batch build on this machine ({@code run --batch}): the one batch runner, {@link BatchMachine}, driven to its end
 * on this thread, each child in its own container over its own copy of the source (under a directory the next run
 * or {@code gc} reaps if this process is killed), its lines prefixed on the console and kept whole in
 * {@code <logDir>/<identifier>.log}, its artifacts under {@code <identifier>/}.
 */
public final class BatchBuild {
    private final DockerCli docker;
    private final Clock clock;
    private final Predicate<String> ownerGone;
    private final int parallelism;
    private final String host;
    private volatile BatchMachine machine;
    private volatile boolean stopped;

    public BatchBuild(DockerCli docker, Clock clock, Predicate<String> ownerGone, int parallelism, String host) {
        this.host = host;
        this.docker = docker;
        this.clock = clock;
        this.ownerGone = ownerGone;
        this.parallelism = parallelism;
    }

    /** The default bound on children at once: this machine's cores. */
    public static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Stops the batch from any thread (a signal): running children end STOPPED, no other starts. */
    public void stop() {
        stopped = true;
        BatchMachine m = machine;
        if (m != null) {
            m.requestStop();
        }
    }

    /** Runs the batch; empty when the buildspec has no usable batch section (said on the console). */
    public Optional<BatchResult> run(BuildRequest parent, OutputStream console, Path logDir) throws IOException {
        PrintStream out = new PrintStream(new KeepOpenOutputStream(console), true, StandardCharsets.UTF_8);
        Optional<BatchPlan> plan = BatchPlan.of(parent, out);
        if (plan.isEmpty()) {
            return Optional.empty();
        }
        Files.createDirectories(logDir);
        out.println("[batch] logs in " + logDir);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            BatchSources.reap(tmp, host);
        } catch (IOException e) {
            out.println("[batch] warning: could not remove the sources of killed batches: " + e.getMessage());
        }
        Path sources = BatchSources.create(tmp);
        try {
            BatchMachine m = BatchMachine.start(parent, plan.get(), parallelism,
                    new LocalChildHosts(parent, sources, console, logDir), console, clock);
            machine = m;
            if (stopped) {
                m.requestStop(); // a stop that came while the batch was being planned
            }
            return Optional.of(m.run());
        } finally {
            SourceCopy.delete(sources);
        }
    }

    /** This machine's children: source copies on this disk, a local Docker host each, logs on the console and in files. */
    private final class LocalChildHosts implements ChildHosts {
        private final BuildRequest parent;
        private final Path sources;
        private final OutputStream console;
        private final Path logDir;

        LocalChildHosts(BuildRequest parent, Path sources, OutputStream console, Path logDir) {
            this.parent = parent;
            this.sources = sources;
            this.console = console;
            this.logDir = logDir;
        }

        @Override
        public Path copySource(ChildBuild child) throws IOException {
            Path copy = sources.resolve(child.identifier());
            SourceCopy.copy(parent.sourceDir(), copy);
            return copy;
        }

        @Override
        public void deleteSource(Path copy) throws IOException {
            SourceCopy.delete(copy);
        }

        @Override
        public BuildHost host(ChildBuild child, Path source) {
            return new LocalDockerHost(docker, ownerGone, BatchPlan.request(parent, child, source, Optional.empty()));
        }

        @Override
        public OutputStream log(ChildBuild child, boolean again) throws IOException {
            return new TeeOutputStream(new PrefixingOutputStream(console, child.identifier()),
                    Files.newOutputStream(logDir.resolve(child.identifier() + ".log")));
        }
    }
}
