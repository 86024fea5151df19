package dev.codebuildspec.run;

import dev.codebuildspec.env.BuiltInVariables;
import dev.codebuildspec.record.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.record.BuildRecord;
import dev.codebuildspec.record.Status;
import java.util.Optional;

/**
 * The record of a finished build; {@code fault} marks a failure outside the build itself;
 * {@code artifacts} is the plan UPLOAD_ARTIFACTS collected (archive path to source path).
 */
public record BuildResult(BuildRecord record, boolean fault, Optional<ArtifactPlan> artifacts) {
    /** The result of a build whose phases {@code progress} followed; null progress: the console was lost (a FAULT). */
    static BuildResult of(BuildRequest request, BuiltInVariables builtIns, Instant start, Instant end,
            BuildProgress progress, boolean fault, Optional<ArtifactPlan> artifacts) {
        boolean lost = progress == null;
        BuildRecord record = new BuildRecord(builtIns.buildId(), builtIns.buildArn(), request.buildNumber(),
                lost ? Status.FAULT : progress.outcome(), start, Optional.of(end), request.image(), request.buildspec(),
                request.resolvedSourceVersion(), request.initiator(), lost ? List.of() : progress.phases(),
                lost ? Map.of() : progress.exportedVariables(), lost ? List.of() : progress.artifacts(),
                lost ? List.of() : progress.reports(), !lost);
        return new BuildResult(record, fault || lost, artifacts);
    }

    public Status status() {
        return record.buildStatus();
    }
}
