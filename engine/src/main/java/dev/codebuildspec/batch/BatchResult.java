package dev.codebuildspec.batch;

import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.run.BuildOutcome;
import dev.codebuildspec.record.Status;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The batch status and each child's outcome, in plan order. */
public record BatchResult(Status status, List<ChildOutcome> children) implements BuildOutcome {

    public BatchResult {
        Objects.requireNonNull(status, "status");
        children = List.copyOf(children);
    }

    /**
     * STOPPED when the whole batch was stopped; else SUCCEEDED when every child without
     * {@code ignore-failure} succeeded, else FAILED.
     */
    static BatchResult of(List<ChildOutcome> children, boolean stopped) {
        if (stopped) {
            return new BatchResult(Status.STOPPED, children);
        }
        boolean ok = children.stream().allMatch(c -> c.succeeded() || c.child().ignoreFailure());
        return new BatchResult(ok ? Status.SUCCEEDED : Status.FAILED, children);
    }

    /** Each child that did not succeed, with the phase that decided it, or why it never ran; empty for a success. */
    @Override
    public Optional<String> failure() {
        if (status == Status.SUCCEEDED) {
            return Optional.empty();
        }
        List<String> failed = new java.util.ArrayList<>();
        for (ChildOutcome c : children) {
            if (!c.succeeded()) {
                failed.add(c.identifier() + " " + c.status() + " (" + c.result().flatMap(BuildResult::failure)
                        .or(c::reason).orElse("status " + c.status()) + ")");
            }
        }
        return Optional.of(String.join("; ", failed));
    }

    /**
     * The lines that end a batch's console: its status, then each child's with the reason it has, then the
     * critical path when children waited for others.
     */
    public List<String> summary() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("[batch] " + status);
        children.forEach(c -> lines.add("[batch]   " + c.identifier() + ": " + c.status()
                + c.reason().map(r -> " (" + r + ")").orElse("")));
        List<String> path = criticalPath();
        if (path.size() > 1) {
            java.time.Instant from = child(path.get(0)).flatMap(ChildOutcome::start).orElseThrow();
            java.time.Instant to = child(path.get(path.size() - 1)).flatMap(ChildOutcome::end).orElseThrow();
            lines.add("[batch] critical path: " + String.join(" -> ", path) + " ("
                    + java.time.Duration.between(from, to).toSeconds() + " s)");
        }
        return lines;
    }

    /** The children that decided how long the batch took, roots first ({@link CriticalPath}). */
    public List<String> criticalPath() {
        return CriticalPath.of(children);
    }

    public Optional<ChildOutcome> child(String identifier) {
        return children.stream().filter(c -> c.identifier().equals(identifier)).findFirst();
    }
}
