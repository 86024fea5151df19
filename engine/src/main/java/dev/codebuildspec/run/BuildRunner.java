package dev.codebuildspec.run;

import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.cache.CacheStore;
import dev.codebuildspec.docker.ContainerReaper;
import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.Labels;
import dev.codebuildspec.log.KeepOpenOutputStream;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.record.BuildRecord;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * Runs one build end to end on a Docker host: DOWNLOAD_SOURCE (parse, validate, resolve; no
 * container on error), the four buildspec phases in one driver, UPLOAD_ARTIFACTS, FINALIZING.
 * The container is removed on every path, including timeout and {@link #stop()}.
 */
public final class BuildRunner {

    /** How long FINALIZING keeps trying to hand the source back and remove the container. */
    static final Duration CLEANUP_PATIENCE = Duration.ofSeconds(90);
    private static final Duration CLEANUP_RETRY = Duration.ofSeconds(1);

    private final DockerCli docker;
    private final Clock clock;
    private final Predicate<String> ownerGone;
    private volatile boolean stopRequested;

    public BuildRunner(DockerCli docker, Clock clock, Predicate<String> ownerGone) {
        this.docker = docker;
        this.clock = clock;
        this.ownerGone = ownerGone;
    }

    /** Asks a running build to stop: the running phase ends STOPPED, the container is removed. */
    public void stop() {
        stopRequested = true;
    }

    public BuildResult run(BuildRequest request, OutputStream console) throws InterruptedException {
        Instant start = clock.instant();
        BuildPlan plan = BuildPlan.prepare(request, start);
        try (OutputStream masked = plan.masker().wrap(new KeepOpenOutputStream(console))) {
            LogSink log = new LogSink(masked, clock);
            BuildProgress progress = new BuildProgress(log, plan.commands(), plan.masker());
            Executed executed = execute(request, plan, log, progress);
            log.flush();
            masked.flush();
            return new BuildResult(record(request, plan, start, progress), executed.fault(), executed.artifacts());
        } catch (IOException e) {
            // The console went away; the build itself has been cleaned up.
            return new BuildResult(incomplete(request, plan, start), true, Optional.empty());
        }
    }

    /** What {@link #execute} leaves besides the progress: a fault outside the build, the artifact plan. */
    private record Executed(boolean fault, Optional<ArtifactPlan> artifacts) {
        static final Executed NOTHING = new Executed(false, Optional.empty());
        static final Executed FAULT = new Executed(true, Optional.empty());
    }

    private Executed execute(BuildRequest request, BuildPlan prepared, LogSink log, BuildProgress progress)
            throws InterruptedException {
        BuildPlan plan = prepared;
        progress.begin(PhaseType.DOWNLOAD_SOURCE);
        log.agent("CODEBUILD_SRC_DIR=" + plan.srcDir());
        log.agent("YAML location is " + request.buildspecFile());
        plan.diagnostics().forEach(d -> log.agent(d.toString()));
        if (plan.failure().isPresent()) {
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.FAILED, plan.failure());
            finalizing(progress, null, request);
            return Executed.NOTHING;
        }
        log.agent("Processing environment variables");
        log.agent("Phases found in YAML: " + plan.spec().phases().size());
        plan.spec().phases().keySet().forEach(p -> log.agent(" " + p + ": " + prepared.commands().count(p) + " commands"));
        if (plan.spec().batch().isPresent()) {
            log.agent("Ignoring the batch section: this is not a batch build");
        }
        if (plan.spec().cache().isEmpty()) {
            log.agent("Cache is not defined in the buildspec");
        } else if (plan.spec().cache().get().paths().isEmpty()) {
            log.agent("Skip cache due to: no paths specified to be cached");
        } else if (request.cacheDir().isEmpty()) {
            log.agent("Skip cache due to: no local cache directory");
        }
        BuildContainer container = new BuildContainer(docker, containerSpec(request, plan), plan.srcDir());
        try {
            StopRequest stop = new StopRequest(() -> stopRequested);
            Optional<PhaseContext> fault = provision(request, container, log);
            if (fault.isPresent()) {
                return endDownloadSource(progress, stop, Status.FAULT, fault);
            }
            Optional<PhaseContext> noShell = checkShell(plan, container);
            if (noShell.isPresent()) {
                return endDownloadSource(progress, stop, Status.FAILED, noShell);
            }
            RuntimeStep.Outcome runtimes = RuntimeStep.run(request, plan, container, log);
            if (runtimes.failure().isPresent()) {
                return endDownloadSource(progress, stop, Status.FAILED, runtimes.failure());
            }
            plan = runtimes.plan();
            progress.commands(plan.commands());
            log.agent("Moving to directory " + plan.srcDir());
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, Optional.empty());
            Optional<BuildCache> cache = cache(request, plan, progress);
            boolean driverFault = new DriverSession(container, plan, progress, log, () -> stopRequested, cache)
                    .run(request.timeout());
            if (cache.isPresent() && cache.get().saves() && progress.driverDone()
                    && progress.outcome() == Status.SUCCEEDED) {
                cache.get().save(container, progress.evaluated());
            }
            if (progress.phases().stream().anyMatch(p -> p.type() == PhaseType.INSTALL)) {
                progress.reports(ReportStep.run(request.sourceDir(), plan.spec().reports(), request.reportsDir(), progress));
            }
            Optional<ArtifactPlan> artifacts = progress.uploadRequested()
                    ? new ArtifactUpload(progress).run(request.sourceDir(), plan.spec().artifacts(), request.artifactsDir())
                    : Optional.empty();
            return new Executed(driverFault, artifacts);
        } finally {
            finalizing(progress, container, request);
        }
    }

    /**
     * DOWNLOAD_SOURCE failed: STOPPED when a stop caused it (see {@link StopRequest}), else as it failed. A
     * buildspec error (YAML_FILE_ERROR) has no Docker call to lose to a signal, so it waits for no stop.
     */
    private static Executed endDownloadSource(BuildProgress progress, StopRequest stop, Status status,
            Optional<PhaseContext> context) throws InterruptedException {
        boolean buildspecError = context.map(c -> PhaseContext.YAML_FILE_ERROR.equals(c.statusCode())).orElse(false);
        if (!buildspecError && stop.explains()) {
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.STOPPED,
                    Optional.of(new PhaseContext(PhaseContext.BUILD_STOPPED, "Build stopped")));
            return Executed.NOTHING;
        }
        progress.end(PhaseType.DOWNLOAD_SOURCE, status, context);
        return status == Status.FAULT ? Executed.FAULT : Executed.NOTHING;
    }

    /** {@code env.shell: bash} needs a bash in the image; sh is always there (CodeBuild requires it). */
    private static Optional<PhaseContext> checkShell(BuildPlan plan, BuildContainer container)
            throws InterruptedException {
        String shell = plan.spec().env().shell();
        if (shell.equals("sh")) {
            return Optional.empty();
        }
        try {
            int status = container.pipe(List.of("sh", "-c", "command -v " + shell), InputStream.nullInputStream(),
                    OutputStream.nullOutputStream(), DockerCli.CONTROL_TIMEOUT);
            return status == 0 ? Optional.empty() : Optional.of(new PhaseContext(PhaseContext.YAML_FILE_ERROR,
                    "env/shell is " + shell + ", but the image " + plan.builtIns().image() + " has no " + shell));
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
        }
    }

    /**
     * Reaps leftovers, pulls the image if it is not here, starts the container. The reaper's listing (also the
     * check that a daemon answers) runs beside the start, off the critical path (bench P2).
     */
    private Optional<PhaseContext> provision(BuildRequest request, BuildContainer container, LogSink log)
            throws InterruptedException {
        CompletableFuture<List<String>> reaping = CompletableFuture.supplyAsync(() -> {
            try {
                return new ContainerReaper(docker).reap(ownerGone);
            } catch (DockerException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
        Optional<PhaseContext> started = start(request, container, log);
        try {
            List<String> reaped = reaping.join();
            if (!reaped.isEmpty()) {
                log.agent("Removed " + reaped.size() + " container(s) left by builds that no longer run");
            }
        } catch (CompletionException e) {
            if (started.isPresent()) { // no daemon: say that, not what failed because of it
                return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR,
                        "Docker is not available: " + e.getCause().getMessage()));
            }
            log.agent("Warning: leftover containers could not be listed: " + e.getCause().getMessage());
        }
        return started;
    }

    private Optional<PhaseContext> start(BuildRequest request, BuildContainer container, LogSink log)
            throws InterruptedException {
        try {
            if (container.startIfPresent()) {
                return Optional.empty();
            }
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, "Cannot start the build container: " + e.getMessage()));
        }
        try {
            log.agent("Pulling image " + request.image());
            docker.pull(request.image());
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.UNABLE_TO_PULL_IMAGE,
                    "Unable to pull customer's container image " + request.image() + ": " + e.getMessage()));
        }
        try {
            container.start();
            return Optional.empty();
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, "Cannot start the build container: " + e.getMessage()));
        }
    }

    private static Optional<BuildCache> cache(BuildRequest request, BuildPlan plan, BuildProgress progress) {
        return plan.spec().cache().filter(c -> !c.paths().isEmpty()).flatMap(c -> request.cacheDir()
                .map(dir -> new BuildCache(c, new CacheStore(dir, request.project()), plan.srcDir(), progress)));
    }

    private void finalizing(BuildProgress progress, BuildContainer container, BuildRequest request)
            throws InterruptedException {
        progress.begin(PhaseType.FINALIZING);
        Status status = Status.SUCCEEDED;
        Optional<PhaseContext> context = Optional.empty();
        if (container != null && container.id() != null) {
            // The daemon may be away for a moment (restarting): keep trying for a while, so that
            // neither the container nor root-owned files in the source outlive the build.
            Instant deadline = clock.instant().plus(CLEANUP_PATIENCE);
            boolean handedBack = request.ownerUid().isEmpty() || request.ownerUid().getAsInt() == 0;
            boolean removed = false;
            DockerException last = null;
            while (!removed) {
                try {
                    if (!handedBack) {
                        container.handBack(request.ownerUid().getAsInt(),
                                request.ownerGid().orElse(request.ownerUid().getAsInt()));
                        handedBack = true;
                    }
                    container.remove();
                    removed = true;
                } catch (DockerException e) {
                    last = e;
                    if (clock.instant().isAfter(deadline)) {
                        break;
                    }
                    Thread.sleep(CLEANUP_RETRY.toMillis());
                }
            }
            if (last != null) {
                status = Status.FAULT;
                context = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, last.getMessage()));
            }
        }
        progress.end(PhaseType.FINALIZING, status, context);
    }

    /** The container of a build: our labels, the source at {@code CODEBUILD_SRC_DIR}, a tmpfs for the driver. */
    public static ContainerSpec containerSpec(BuildRequest request, BuildPlan plan) {
        Map<String, String> labels = new java.util.LinkedHashMap<>(Map.of(Labels.OWNER, request.owner(),
                Labels.BUILD_ID, plan.builtIns().buildId(),
                Labels.STARTED, Long.toString(plan.builtIns().startTimeMillis())));
        if (request.ownerUid().isPresent() && request.ownerUid().getAsInt() != 0) {
            int uid = request.ownerUid().getAsInt();
            labels.put(Labels.HAND_BACK, uid + ":" + request.ownerGid().orElse(uid) + ":" + plan.srcDir());
        }
        return new ContainerSpec(request.image(), labels,
                List.of(new ContainerSpec.Mount(request.sourceDir().toAbsolutePath().toString(), plan.srcDir())),
                List.of(BuildContainer.TMP), request.privileged());
    }

    private BuildRecord record(BuildRequest request, BuildPlan plan, Instant start, BuildProgress progress) {
        return new BuildRecord(plan.builtIns().buildId(), plan.builtIns().buildArn(), request.buildNumber(),
                progress.outcome(), start, Optional.of(clock.instant()), request.image(), request.buildspec(),
                request.resolvedSourceVersion(), request.initiator(), progress.phases(), progress.exportedVariables(),
                progress.artifacts(), progress.reports(), true);
    }

    private BuildRecord incomplete(BuildRequest request, BuildPlan plan, Instant start) {
        return new BuildRecord(plan.builtIns().buildId(), plan.builtIns().buildArn(), request.buildNumber(),
                Status.FAULT, start, Optional.of(clock.instant()), request.image(), request.buildspec(),
                request.resolvedSourceVersion(), request.initiator(), List.of(), Map.of(), List.of(), List.of(), false);
    }

}
