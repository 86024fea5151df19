package dev.codebuildspec.run;

import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.BuildState.Stage;
import java.util.Optional;

/**
 * DOWNLOAD_SOURCE, as CodeBuild logs it: the buildspec's verdict first (an error never starts a
 * container), then the container, the shell, the runtime versions and the secret files; the driver
 * starts when the phase succeeded.
 */
final class DownloadSource {
    private final BuildContext build;
    private final BuildProgress progress;
    private final LogSink log;

    DownloadSource(BuildContext build) {
        this.build = build;
        this.progress = build.progress;
        this.log = build.log;
    }

    /** Returns true when the phase succeeded and the driver is to start; else the build ended here. */
    boolean run() throws InterruptedException {
        BuildRequest request = build.request;
        BuildPlan plan = build.plan();
        progress.begin(PhaseType.DOWNLOAD_SOURCE);
        log.agent("CODEBUILD_SRC_DIR=" + plan.srcDir());
        log.agent("YAML location is ", String.valueOf(request.inlineBuildspec().isPresent() ? request.buildspec()
                : request.buildspecFile()));
        plan.diagnostics().forEach(d -> log.agent("", d.toString()));
        build.host.notes().forEach(log::agent);
        Optional<PhaseContext> failure = plan.failure().isPresent() ? plan.failure() : build.host.refusal();
        if (failure.isPresent()) {
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.FAILED, failure);
            build.moveTo(Stage.DRIVER_OVER);
            return false;
        }
        log.agent("Processing environment variables");
        log.agent("Phases found in YAML: " + plan.spec().phases().size());
        plan.spec().phases().keySet().forEach(p -> log.agent(" " + p + ": " + plan.commands().count(p) + " commands"));
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
        if (!inContainer(request)) {
            return false;
        }
        log.agent("Moving to directory " + build.plan().srcDir());
        progress.end(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, Optional.empty());
        return true;
    }

    /** The container's part; false when DOWNLOAD_SOURCE ended there. */
    private boolean inContainer(BuildRequest request) throws InterruptedException {
        SourcePhase source = new SourcePhase(build.host, request, log);
        Sandbox container = build.container;
        Optional<PhaseContext> fault = container instanceof BuildContainer c ? source.provision(c)
                : source.onThisMachine((LocalSandbox) container, build.plan());
        build.containerStarted();
        if (fault.isPresent()) {
            return end(Status.FAULT, fault);
        }
        Optional<PhaseContext> noShell = source.checkShell(build.plan(), container);
        if (noShell.isPresent()) {
            return end(Status.FAILED, noShell);
        }
        RuntimeStep.Outcome runtimes = RuntimeStep.run(request, build.plan(), container, log);
        if (runtimes.failure().isPresent()) {
            return end(Status.FAILED, runtimes.failure());
        }
        build.plan(runtimes.plan(), runtimes.added());
        Optional<PhaseContext> files = source.installSecretFiles(container);
        if (files.isPresent()) {
            return end(Status.FAULT, files);
        }
        return true;
    }

    /**
     * DOWNLOAD_SOURCE failed: STOPPED when a stop caused it (see {@link StopRequest}), else as it failed. A
     * buildspec error (YAML_FILE_ERROR) has no Docker call to lose to a signal, so it waits for no stop.
     */
    private boolean end(Status status, Optional<PhaseContext> context) throws InterruptedException {
        boolean buildspecError = context.map(c -> PhaseContext.YAML_FILE_ERROR.equals(c.statusCode())).orElse(false);
        if (!buildspecError && new StopRequest(build::stopRequestedNow).explains()) {
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.STOPPED, Optional.of(BuildContext.stopped()));
        } else {
            progress.end(PhaseType.DOWNLOAD_SOURCE, status, context);
            if (status == Status.FAULT) {
                build.markFault();
            }
        }
        build.moveTo(Stage.DRIVER_OVER);
        return false;
    }
}
