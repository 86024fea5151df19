package io.jenkins.plugins.codebuildspec.build;

import io.jenkins.plugins.codebuildspec.artifacts.ArtifactPlan;
import io.jenkins.plugins.codebuildspec.record.BuildRecord;
import io.jenkins.plugins.codebuildspec.record.Status;
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
