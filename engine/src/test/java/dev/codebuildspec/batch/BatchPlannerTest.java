package dev.codebuildspec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.buildspec.BatchEnv;
import dev.codebuildspec.buildspec.BatchSpec;
import dev.codebuildspec.buildspec.BatchTask;
import dev.codebuildspec.buildspec.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {
    private final BatchPlanner planner = new BatchPlanner();

    private static BatchSpec batch(String batchYaml) {
        ParseResult r = new BuildspecParser().parse(
                "version: 0.2\nphases:\n  build:\n    commands:\n      - make\nbatch:\n" + batchYaml, "buildspec.yml");
        assertThat(r.errors()).isEmpty();
        return r.buildspec().orElseThrow().batch().orElseThrow();
    }

    @Test
    void buildListGivesOneChildPerTaskWithItsOverrides() {
        List<ChildBuild> children = planner.plan(batch("""
                  build-list:
                    - identifier: linux_small
                      env:
                        image: aws/codebuild/standard:7.0
                        privileged-mode: true
                        variables:
                          TARGET: linux
                          MODE: small
                      ignore-failure: true
                    - identifier: other
                      buildspec: other/buildspec.yml
                      debug-session: true
                """));
        assertThat(children).extracting(ChildBuild::identifier).containsExactly("linux_small", "other");
        ChildBuild first = children.get(0);
        assertThat(first.buildspec()).isEmpty();
        assertThat(first.image()).contains("aws/codebuild/standard:7.0");
        assertThat(first.privilegedMode()).contains(true);
        assertThat(first.variables()).containsExactly(Map.entry("TARGET", "linux"), Map.entry("MODE", "small"));
        assertThat(first.ignoreFailure()).isTrue();
        assertThat(first.dependsOn()).isEmpty();
        assertThat(first.environment()).containsExactly(Map.entry("TARGET", "linux"), Map.entry("MODE", "small"),
                Map.entry("CODEBUILD_BATCH_BUILD_IDENTIFIER", "linux_small"));
        ChildBuild second = children.get(1);
        assertThat(second.buildspec()).contains("other/buildspec.yml");
        assertThat(second.image()).isEmpty();
        assertThat(second.privilegedMode()).isEmpty();
        assertThat(second.debugSession()).isTrue();
        assertThat(second.ignoreFailure()).isFalse();
    }

    @Test
    void buildGraphKeepsDependencies() {
        List<ChildBuild> children = planner.plan(batch("""
                  build-graph:
                    - identifier: build1
                    - identifier: build2
                      depend-on: [build1]
                    - identifier: build3
                      depend-on:
                        - build1
                        - build2
                """));
        assertThat(children).extracting(ChildBuild::identifier).containsExactly("build1", "build2", "build3");
        assertThat(children).extracting(ChildBuild::dependsOn)
                .containsExactly(List.of(), List.of("build1"), List.of("build1", "build2"));
    }

    @Test
    void matrixIsTheCartesianProductInDeclarationOrder() {
        List<ChildBuild> children = planner.plan(batch("""
                  build-matrix:
                    static:
                      ignore-failure: true
                      env:
                        privileged-mode: true
                        image: static-image
                    dynamic:
                      buildspec:
                        - matrix1.yml
                        - matrix2.yml
                      env:
                        variables:
                          MY_VAR:
                            - VALUE1
                            - VALUE2
                            - VALUE3
                """));
        assertThat(children).hasSize(6);
        assertThat(children).extracting(ChildBuild::identifier)
                .containsExactly("build1", "build2", "build3", "build4", "build5", "build6");
        assertThat(children).extracting(c -> c.buildspec().orElseThrow() + " " + c.variables().get("MY_VAR"))
                .containsExactly("matrix1.yml VALUE1", "matrix1.yml VALUE2", "matrix1.yml VALUE3",
                        "matrix2.yml VALUE1", "matrix2.yml VALUE2", "matrix2.yml VALUE3");
        assertThat(children).allSatisfy(c -> {
            assertThat(c.ignoreFailure()).isTrue();
            assertThat(c.privilegedMode()).contains(true);
            assertThat(c.image()).contains("static-image");
            assertThat(c.variables()).hasSize(1);
            assertThat(c.dependsOn()).isEmpty();
        });
    }

    @Test
    void matrixMultipliesImagesAndSeveralVariablesLastVaryingFastest() {
        List<ChildBuild> children = planner.plan(batch("""
                  build-matrix:
                    static:
                      env:
                        image: static-image
                    dynamic:
                      env:
                        image: [img_a, img_b]
                        variables:
                          OS: [linux, windows]
                          ARCH: [x86, arm, riscv]
                """));
        assertThat(children).hasSize(2 * 2 * 3);
        assertThat(children).extracting(c -> c.image().orElseThrow() + " " + c.variables())
                .startsWith("img_a {OS=linux, ARCH=x86}", "img_a {OS=linux, ARCH=arm}",
                        "img_a {OS=linux, ARCH=riscv}", "img_a {OS=windows, ARCH=x86}")
                .endsWith("img_b {OS=windows, ARCH=riscv}");
        assertThat(children).allSatisfy(c -> {
            assertThat(c.buildspec()).isEmpty();
            assertThat(c.ignoreFailure()).isFalse();
        });
        assertThat(children.get(11).identifier()).isEqualTo("build12");
    }

    @Test
    void matrixWithoutDynamicValuesIsOneChildThatInheritsEverything() {
        List<ChildBuild> children = planner.plan(batch("  build-matrix:\n    static:\n      ignore-failure: true\n"));
        assertThat(children).singleElement().satisfies(c -> {
            assertThat(c.identifier()).isEqualTo("build1");
            assertThat(c.buildspec()).isEmpty();
            assertThat(c.image()).isEmpty();
            assertThat(c.variables()).isEmpty();
            assertThat(c.ignoreFailure()).isTrue();
        });
    }

    @Test
    void fanoutGivesIdenticalChildrenWithDistinctIdentifiers() {
        List<ChildBuild> children = planner.plan(batch("  build-fanout:\n    parallelism: 4\n    ignore-failure: true\n"));
        assertThat(children).extracting(c -> c.environment().get("CODEBUILD_BATCH_BUILD_IDENTIFIER"))
                .containsExactly("build1", "build2", "build3", "build4");
        assertThat(children).allSatisfy(c -> {
            assertThat(c.ignoreFailure()).isTrue();
            assertThat(c.buildspec()).isEmpty();
            assertThat(c.variables()).isEmpty();
        });
    }

    // The parser rejects these; a hand-built spec must still fail loudly, not hang the scheduler.

    private static BatchTask task(String id, String... dependOn) {
        return new BatchTask(id, Optional.empty(), false, List.of(dependOn), false, BatchEnv.NONE, Position.UNKNOWN);
    }

    private static BatchSpec graph(BatchTask... tasks) {
        return new BatchSpec(false, BatchSpec.Kind.BUILD_GRAPH, List.of(tasks), Optional.empty(), Optional.empty(),
                Position.UNKNOWN);
    }

    @Test
    void graphWithUnknownDependencyIsRejected() {
        assertThatThrownBy(() -> planner.plan(graph(task("a"), task("b", "missing"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch build b depends on missing, which is not the identifier of any build in the batch");
    }

    @Test
    void graphCyclesAreRejectedWithThePath() {
        assertThatThrownBy(() -> planner.plan(graph(task("a", "c"), task("b", "a"), task("c", "b"), task("d"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch dependency cycle: a -> c -> b -> a");
        assertThatThrownBy(() -> planner.plan(graph(task("a", "a"))))
                .hasMessage("batch dependency cycle: a -> a");
    }

    @Test
    void duplicateAndPathLikeIdentifiersAreRejected() {
        assertThatThrownBy(() -> planner.plan(graph(task("a"), task("a"))))
                .hasMessage("duplicate batch identifier a");
        assertThatThrownBy(() -> planner.plan(graph(task("../etc"))))
                .hasMessage("batch identifier '../etc' must contain only letters, digits and underscores");
    }

    @Test
    void buildListIgnoresDependOn() {
        BatchSpec list = new BatchSpec(false, BatchSpec.Kind.BUILD_LIST, List.of(task("a", "missing")),
                Optional.empty(), Optional.empty(), Position.UNKNOWN);
        assertThat(planner.plan(list)).singleElement().satisfies(c -> assertThat(c.dependsOn()).isEmpty());
    }
}
