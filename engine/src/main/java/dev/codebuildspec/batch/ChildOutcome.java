package dev.codebuildspec.batch;

import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.record.Status;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one child of a batch ended. A child that never started (a dependency failed, fast-fail, the
 * batch was stopped) is STOPPED, with no start time, no result and the reason in {@code notRunReason}:
 * CodeBuild's status values have no "skipped", and the record keeps to them.
 */
public record ChildOutcome(
        ChildBuild child,
        Status status,
        Optional<BuildResult> result,
        Optional<Instant> start,
        Optional<Instant> end,
        Optional<String> reason) {

    public ChildOutcome {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(reason, "reason");
    }

    static ChildOutcome notRun(ChildBuild child, String reason) {
        return new ChildOutcome(child, Status.STOPPED, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(reason));
    }

    public String identifier() {
        return child.identifier();
    }

    public boolean started() {
        return start.isPresent();
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
