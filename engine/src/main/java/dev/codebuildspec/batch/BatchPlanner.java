package dev.codebuildspec.batch;

import dev.codebuildspec.buildspec.BatchEnv;
import dev.codebuildspec.buildspec.BatchFanout;
import dev.codebuildspec.buildspec.BatchMatrix;
import dev.codebuildspec.buildspec.BatchSpec;
import dev.codebuildspec.buildspec.BatchTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@code batch} section into the list of child builds, in the order they are started when
 * nothing else decides (dependencies, the parallelism limit).
 *
 * <ul>
 * <li>{@code build-list}: one child per task, no dependencies ({@code depend-on} is ignored there, as
 * the parser warns).
 * <li>{@code build-graph}: one child per task, with its {@code depend-on}.
 * <li>{@code build-matrix}: one child per element of buildspecs × compute types × images × each
 * variable's values, nested in that order with the last variable varying fastest. A dimension
 * that is absent (or an empty list) contributes a single "inherit" value. {@code static} settings
 * apply to every child; a dynamic image or compute type wins over the static one. Compute types
 * count as a dimension so the number of children matches CodeBuild's, though they change nothing
 * locally. Identifiers are {@code build1}, {@code build2}… in product order: CodeBuild does not
 * document its format, and a combination's values (image names with {@code /} and {@code :}) do
 * not make safe identifiers, so the combination is in the child's fields and the record instead.
 * <li>{@code build-fanout}: {@code parallelism} identical children {@code build1}… whose only
 * difference is {@value ChildBuild#IDENTIFIER_VARIABLE}. Splitting the tests between them
 * ({@code codebuild-tests-run}) is out of scope: every child runs the whole buildspec.
 * </ul>
 * Environment {@code type} and {@code fleet} overrides are not carried: a local runner has one
 * kind of container and no fleets.
 */
public final class BatchPlanner {

    /** @throws IllegalArgumentException for duplicate or invalid identifiers, unknown dependencies, cycles */
    public List<ChildBuild> plan(BatchSpec spec) {
        List<ChildBuild> children = switch (spec.kind()) {
            case BUILD_LIST -> spec.tasks().stream().map(t -> task(t, false)).toList();
            case BUILD_GRAPH -> spec.tasks().stream().map(t -> task(t, true)).toList();
            case BUILD_MATRIX -> matrix(spec.matrix().orElseThrow());
            case BUILD_FANOUT -> fanout(spec.fanout().orElseThrow());
        };
        DependencyCheck.check(children);
        return children;
    }

    private static ChildBuild task(BatchTask t, boolean graph) {
        BatchEnv env = t.env();
        return new ChildBuild(t.identifier(), t.buildspec(), env.image(), env.privilegedMode(), env.computeType(),
                env.variables(), graph ? t.dependOn() : List.of(), t.ignoreFailure(), t.debugSession());
    }

    private static List<ChildBuild> matrix(BatchMatrix m) {
        BatchEnv fixed = m.staticConfig().env();
        BatchMatrix.Dynamic d = m.dynamic();
        List<Map<String, String>> variableCombinations = variableCombinations(d.variables());
        List<ChildBuild> children = new ArrayList<>();
        for (Optional<String> buildspec : orInherit(d.buildspecs())) {
            for (Optional<String> computeType : orInherit(d.computeTypes())) {
                for (Optional<String> image : orInherit(d.images())) {
                    for (Map<String, String> variables : variableCombinations) {
                        children.add(new ChildBuild("build" + (children.size() + 1), buildspec,
                                image.or(fixed::image), fixed.privilegedMode(), computeType.or(fixed::computeType),
                                variables, List.of(), m.staticConfig().ignoreFailure(), false));
                    }
                }
            }
        }
        return children;
    }

    private static List<Optional<String>> orInherit(List<String> values) {
        return values.isEmpty() ? List.of(Optional.empty()) : values.stream().map(Optional::of).toList();
    }

    /** Every choice of one value per variable, in declaration order, the last variable varying fastest. */
    private static List<Map<String, String>> variableCombinations(Map<String, List<String>> variables) {
        List<Map<String, String>> combinations = List.of(Map.of());
        for (Map.Entry<String, List<String>> v : variables.entrySet()) {
            if (v.getValue().isEmpty()) {
                continue;
            }
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : v.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(partial);
                    extended.put(v.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static List<ChildBuild> fanout(BatchFanout f) {
        List<ChildBuild> children = new ArrayList<>();
        for (int i = 1; i <= f.parallelism(); i++) {
            children.add(new ChildBuild("build" + i, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Map.of(), List.of(), f.ignoreFailure(), false));
        }
        return children;
    }
}
