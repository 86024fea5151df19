package dev.codebuildspec.run;

import dev.codebuildspec.artifacts.ArtifactCopier;
import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.artifacts.ArtifactPlanner;
import dev.codebuildspec.artifacts.ArtifactSet;
import dev.codebuildspec.artifacts.CopyResult;
import dev.codebuildspec.artifacts.EvaluatedArtifacts;
import dev.codebuildspec.artifacts.SelectedFile;
import dev.codebuildspec.record.ArtifactRecord;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.PathPattern;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UPLOAD_ARTIFACTS: plans the artifact sets from the source tree (paths from CODEBUILD_SRC_DIR,
 * never from the last {@code cd}), logs what it found and refused, and copies the plan to the
 * CLI's artifacts directory when there is one. The plan is the shape Jenkins' ArtifactManager takes.
 */
final class ArtifactUpload {
    private final BuildProgress progress;

    ArtifactUpload(BuildProgress progress) {
        this.progress = progress;
    }

    /** Runs the phase; returns the plan when it succeeded. */
    Optional<ArtifactPlan> run(Path sourceDir, Optional<ArtifactsSpec> spec, Optional<Path> target) {
        progress.begin(PhaseType.UPLOAD_ARTIFACTS);
        if (spec.isEmpty()) {
            progress.end(PhaseType.UPLOAD_ARTIFACTS, Status.SUCCEEDED, Optional.empty());
            return Optional.empty();
        }
        ArtifactPlan plan;
        try {
            plan = ArtifactPlanner.plan(sourceDir, spec.get(), EvaluatedArtifacts.from(spec.get(), progress.evaluated()));
        } catch (IOException e) {
            return fail("cannot read the source tree: " + e.getMessage());
        }
        for (ArtifactSet set : plan.sets()) {
            log(set, spec.get());
        }
        if (plan.failure().isPresent()) {
            return fail(plan.failure().get());
        }
        if (target.isPresent()) {
            try {
                CopyResult copied = ArtifactCopier.copy(plan, sourceDir, target.get());
                progress.info("Copied " + copied.entries() + " file(s), " + copied.bytes() + " bytes, to " + target.get());
            } catch (IOException e) {
                return fail("cannot copy the artifacts to " + target.get() + ": " + e.getMessage());
            }
        }
        progress.artifacts(records(plan));
        progress.end(PhaseType.UPLOAD_ARTIFACTS, Status.SUCCEEDED, Optional.empty());
        return Optional.of(plan);
    }

    private void log(ArtifactSet set, ArtifactsSpec spec) {
        ArtifactsSpec declared = set.isPrimary() ? spec : spec.secondaryArtifacts().get(set.identifier());
        progress.info("Expanding base directory path: " + declared.baseDirectory().orElse("."));
        progress.info("Assembling file list");
        for (PathPattern p : declared.files()) {
            progress.info("Expanding " + p.pattern());
        }
        set.selection().logLines().forEach(progress::info);
        // A file that collides with another is found too; the collision itself fails the phase next.
        int found = set.entries().size() + set.selection().collisions().size();
        progress.info("Found " + found + " file(s)" + (set.isPrimary() ? "" : " for " + set.describe()));
    }

    private Optional<ArtifactPlan> fail(String message) {
        progress.end(PhaseType.UPLOAD_ARTIFACTS, Status.FAILED,
                Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, message)));
        return Optional.empty();
    }

    private static List<ArtifactRecord> records(ArtifactPlan plan) {
        List<ArtifactRecord> records = new ArrayList<>();
        for (ArtifactSet set : plan.sets()) {
            records.add(new ArtifactRecord(set.identifier(), set.prefix(),
                    set.entries().stream().map(SelectedFile::archivePath).toList()));
        }
        return records;
    }
}
