package dev.codebuildspec.run;

import dev.codebuildspec.env.BuiltInVariables;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.record.BuildRecord;
import dev.codebuildspec.record.PhaseRecord;
import dev.codebuildspec.record.Status;
import java.util.Optional;

/**
 * The record of a finished build; {@code fault} marks a failure outside the build itself;
 * {@code artifacts} is the plan UPLOAD_ARTIFACTS collected (archive path to source path).
 */
public record BuildResult(BuildRecord record, boolean fault, Optional<ArtifactPlan> artifacts) implements BuildOutcome {
    /** The result of the build {@code build} ran; a lost console (the progress is unknown) is a FAULT. */
    static BuildResult of(BuildContext build, Instant start, Instant end, boolean consoleLost) {
        BuildRequest request = build.request;
        BuiltInVariables builtIns = build.plan().builtIns();
        BuildProgress progress = build.progress;
        boolean lost = consoleLost;
        BuildRecord record = new BuildRecord(builtIns.buildId(), builtIns.buildArn(), request.buildNumber(),
                lost ? Status.FAULT : progress.outcome(), start, Optional.of(end), request.image(), request.buildspec(),
                request.resolvedSourceVersion(), request.initiator(), lost ? List.of() : progress.phases(),
                lost ? Map.of() : progress.exportedVariables(), lost ? List.of() : build.artifactRecords(),
                lost ? List.of() : build.reports(), !lost, lost ? List.of() : progress.steps());
        return new BuildResult(record, build.state.fault || lost, build.artifacts());
    }

    @Override
    public Status status() {
        return fault ? Status.FAULT : record.buildStatus();
    }

    @Override
    public Optional<String> failure() {
        if (status() == Status.SUCCEEDED) {
            return Optional.empty();
        }
        return Optional.of(failedPhase().map(p -> "phase " + p.type() + " " + p.status() + p.contexts().stream()
                .map(c -> " (" + c.statusCode() + ": " + c.message() + ")").findFirst().orElse(""))
                .orElse("status " + status()));
    }

    /** The phase that decided a build that did not succeed: the first one that did not succeed; empty for a success. */
    public Optional<PhaseRecord> failedPhase() {
        return record.phases().stream()
                .filter(p -> p.status() != Status.SUCCEEDED && p.status() != Status.IN_PROGRESS).findFirst();
    }

    /** One closing line: the status, the failing phase and its context, the build id and how long it took. */
    public String summary() {
        long seconds = record.endTime().map(e -> java.time.Duration.between(record.startTime(), e).toSeconds()).orElse(0L);
        String why = failedPhase().map(p -> ": " + p.type() + " " + p.status() + p.contexts().stream()
                .map(c -> " (" + c.statusCode() + ": " + c.message() + ")").findFirst().orElse("")).orElse("");
        return "Build " + status() + why + "; build " + record.id() + ", " + seconds + " s";
    }
}
