package dev.codebuildspec.run;

import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.record.BuildRecord;
import dev.codebuildspec.record.Status;
import java.util.Optional;

/**
 * The record of a finished build; {@code fault} marks a failure outside the build itself;
 * {@code artifacts} is the plan UPLOAD_ARTIFACTS collected (archive path to source path).
 */
public record BuildResult(BuildRecord record, boolean fault, Optional<ArtifactPlan> artifacts) {
    public Status status() {
        return record.buildStatus();
    }
}
