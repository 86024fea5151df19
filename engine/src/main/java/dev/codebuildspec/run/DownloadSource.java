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
    private final BuildMachine machine;
    private final BuildProgress progress;
    private final LogSink log;

    DownloadSource(BuildMachine machine) {
        this.machine = machine;
        this.progress = machine.progress();
        this.log = machine.log();
    }

    void run() throws InterruptedException {
        BuildRequest request = machine.request();
        BuildPlan plan = machine.plan();
        progress.begin(PhaseType.DOWNLOAD_SOURCE);
        log.agent("CODEBUILD_SRC_DIR=" + plan.srcDir());
        log.agent("YAML location is ", String.valueOf(request.inlineBuildspec().isPresent() ? request.buildspec()
                : request.buildspecFile()));
        plan.diagnostics().forEach(d -> log.agent("", d.toString()));
        machine.host().notes().forEach(log::agent);
        Optional<PhaseContext> failure = plan.failure().isPresent() ? plan.failure() : machine.host().refusal();
        if (failure.isPresent()) {
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.FAILED, failure);
            machine.moveTo(Stage.DRIVER_OVER);
            return;
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
        if (inContainer(request)) {
            log.agent("Moving to directory " + machine.plan().srcDir());
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, Optional.empty());
            machine.startDriver();
        }
    }

    /** The container's part; false when DOWNLOAD_SOURCE ended there. */
    private boolean inContainer(BuildRequest request) throws InterruptedException {
        SourcePhase source = new SourcePhase(machine.host(), request, log);
        Sandbox container = machine.container();
        Optional<PhaseContext> fault = container instanceof BuildContainer c ? source.provision(c)
                : source.onThisMachine((LocalSandbox) container, machine.plan());
        machine.containerStarted();
        if (fault.isPresent()) {
            return end(Status.FAULT, fault);
        }
        Optional<PhaseContext> noShell = source.checkShell(machine.plan(), container);
        if (noShell.isPresent()) {
            return end(Status.FAILED, noShell);
        }
        RuntimeStep.Outcome runtimes = RuntimeStep.run(request, machine.plan(), container, log);
        if (runtimes.failure().isPresent()) {
            return end(Status.FAILED, runtimes.failure());
        }
        machine.plan(runtimes.plan(), runtimes.added());
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
        if (!buildspecError && new StopRequest(machine::stopRequestedNow).explains()) {
            progress.end(PhaseType.DOWNLOAD_SOURCE, Status.STOPPED, Optional.of(BuildMachine.stopped()));
        } else {
            progress.end(PhaseType.DOWNLOAD_SOURCE, status, context);
            if (status == Status.FAULT) {
                machine.markFault();
            }
        }
        machine.moveTo(Stage.DRIVER_OVER);
        return false;
    }
}
