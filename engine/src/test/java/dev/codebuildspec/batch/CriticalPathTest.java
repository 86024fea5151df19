package dev.codebuildspec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.record.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CriticalPathTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private static ChildOutcome ran(String id, int from, int to, String... dependsOn) {
        return new ChildOutcome(child(id, dependsOn), Status.SUCCEEDED, Optional.empty(),
                Optional.of(T0.plusSeconds(from)), Optional.of(T0.plusSeconds(to)), Optional.empty());
    }

    private static ChildBuild child(String id, String... dependsOn) {
        return new ChildBuild(id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                List.of(dependsOn), false, false);
    }

    @Test
    void followsTheDependencyThatEndedLastBackFromTheLastChild() {
        List<ChildOutcome> children = List.of(
                ran("lint", 0, 5),
                ran("compile", 0, 20),
                ran("unit", 20, 30, "compile", "lint"),
                ran("docs", 5, 12, "lint"),
                ran("package", 30, 41, "unit", "docs"));
        assertThat(CriticalPath.of(children)).containsExactly("compile", "unit", "package");
    }

    @Test
    void childrenThatNeverRanAreNotOnIt() {
        List<ChildOutcome> children = List.of(
                ran("a", 0, 8),
                ran("b", 0, 3),
                ChildOutcome.notRun(child("c", "a", "b"), "dependency a ended FAILED"));
        assertThat(CriticalPath.of(children)).containsExactly("a");
    }

    @Test
    void aBatchWhereNothingRanHasNone() {
        assertThat(CriticalPath.of(List.of(ChildOutcome.notRun(child("a"), "stopped")))).isEmpty();
        assertThat(CriticalPath.of(List.of())).isEmpty();
    }
}
