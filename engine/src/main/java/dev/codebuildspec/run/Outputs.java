package dev.codebuildspec.run;

import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.record.StepRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * After the driver: the cache saved (a successful build only), the reports collected (once INSTALL was
 * entered, failed builds included), UPLOAD_ARTIFACTS when the driver asked for it. The host's
 * {@link BuildOutputs} runs the steps where the source tree is and stores what they found.
 */
final class Outputs {
    private final BuildContext build;
    private final BuildProgress progress;

    Outputs(BuildContext build) {
        this.build = build;
        this.progress = build.progress;
    }

    void run() throws InterruptedException {
        if (build.plan().failure().isPresent()) {
            return;
        }
        Buildspec spec = build.plan().spec();
        if (progress.driverDone() && progress.outcome() == Status.SUCCEEDED) {
            new CacheUse(build).save();
        }
        boolean installEntered = progress.phases().stream().anyMatch(p -> p.type() == PhaseType.INSTALL);
        if (installEntered && !spec.reports().isEmpty()) {
            long start = progress.clockMillis();
            Status status = Status.SUCCEEDED;
            try {
                ReportsOutcome reports = build.host.outputs().reports(spec.reports());
                reports.log().forEach(progress::info);
                build.reports(reports.summaries());
            } catch (IOException e) {
                status = Status.FAILED;
                progress.info("Warning: reports not collected: " + e.getMessage());
            } finally {
                progress.step(StepRecord.Name.REPORTS, start, status);
            }
        }
        if (progress.uploadRequested()) {
            artifacts(spec);
        }
    }

    private void artifacts(Buildspec spec) throws InterruptedException {
        progress.begin(PhaseType.UPLOAD_ARTIFACTS);
        if (spec.artifacts().isEmpty()) {
            progress.end(PhaseType.UPLOAD_ARTIFACTS, Status.SUCCEEDED, Optional.empty());
            return;
        }
        ArtifactsOutcome outcome;
        long start = progress.clockMillis();
        try {
            outcome = build.host.outputs().artifacts(spec.artifacts().get(), progress.evaluated());
        } catch (IOException e) {
            outcome = new ArtifactsOutcome(java.util.List.of(), java.util.List.of(), Optional.of(e.getMessage()),
                    Optional.empty());
        }
        progress.step(StepRecord.Name.ARTIFACTS_UPLOAD, start,
                outcome.failure().isPresent() ? Status.FAILED : Status.SUCCEEDED);
        outcome.log().forEach(progress::info);
        if (outcome.failure().isPresent()) {
            progress.end(PhaseType.UPLOAD_ARTIFACTS, Status.FAILED,
                    Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, outcome.failure().get())));
            return;
        }
        build.artifacts(outcome.plan(), outcome.records());
        progress.end(PhaseType.UPLOAD_ARTIFACTS, Status.SUCCEEDED, Optional.empty());
    }
}
