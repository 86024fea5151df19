package dev.codebuildspec.batch;

import dev.codebuildspec.buildspec.BatchSpec;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.run.BuildRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The children of a batch in plan order, and whether the batch fails fast. */
public record BatchPlan(List<ChildBuild> children, boolean fastFail) {

    public BatchPlan {
        children = List.copyOf(children);
    }

    /**
     * Parses the parent's buildspec and plans its batch section; the diagnostics, or why there is no batch to
     * run, go to {@code out} as {@code [batch]} lines. Empty when the buildspec has no usable batch section.
     */
    public static Optional<BatchPlan> of(BuildRequest parent, PrintStream out) {
        ParseResult parsed = parent.parseBuildspec();
        parsed.diagnostics().forEach(d -> out.println("[batch] " + d));
        Optional<BatchSpec> batch = parsed.buildspec().flatMap(b -> b.batch());
        if (parsed.hasErrors() || batch.isEmpty()) {
            out.println("[batch] " + (parsed.hasErrors() ? "the buildspec is invalid" : "the buildspec has no batch section"));
            return Optional.empty();
        }
        try {
            return Optional.of(new BatchPlan(new BatchPlanner().plan(batch.get()), batch.get().fastFail()));
        } catch (IllegalArgumentException e) {
            out.println("[batch] " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The request of {@code child}: its source copy, buildspec, image, privileged mode, variables, artifacts directory. */
    static BuildRequest request(BuildRequest parent, ChildBuild child, Path source) {
        return parent.forChild(source, child.buildspec().orElse(parent.buildspec()),
                child.image().orElse(parent.image()), child.privilegedMode().orElse(parent.privileged()),
                child.environment(), parent.artifactsDir().map(d -> d.resolve(child.identifier())));
    }
}
