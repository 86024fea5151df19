package dev.codebuildspec.batch;

import dev.codebuildspec.buildspec.BatchSpec;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.run.BuildRequest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import dev.codebuildspec.parse.BuildspecText;
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
            out.println("[batch] " + parent.buildspec() + (parsed.hasErrors() ? " is invalid" : " has no batch section: a batch "
                    + "build runs the buildspec's batch: build-list, build-graph, build-matrix or build-fanout"));
            return Optional.empty();
        }
        try {
            BatchPlan plan = new BatchPlan(new BatchPlanner().plan(batch.get()), batch.get().fastFail());
            for (ChildBuild child : plan.children()) {
                if (child.privilegedMode().orElse(false) && !parent.privileged()) {
                    out.println("[batch] " + child.identifier() + ": privileged-mode is ignored: only the build's own "
                            + "privileged option (--privileged, the Jenkins step's privileged) grants it, never the buildspec");
                }
            }
            return Optional.of(plan);
        } catch (IllegalArgumentException e) {
            out.println("[batch] " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The request of {@code child}: its source copy, buildspec, image, privileged mode (which the buildspec may turn
     * off, never on: root on the machine is the trusted side's to give), variables, artifacts directory.
     * {@code text} is the child's own buildspec as its host read it; empty: read from the source copy when parsed.
     */
    public static BuildRequest request(BuildRequest parent, ChildBuild child, Path source, Optional<BuildspecText> text) {
        return parent.forChild(source, child.buildspec().orElse(parent.buildspec()), text,
                child.image().orElse(parent.image()), child.privilegedMode().orElse(true) && parent.privileged(),
                child.environment(), parent.artifactsDir().map(d -> d.resolve(child.identifier())));
    }
}
