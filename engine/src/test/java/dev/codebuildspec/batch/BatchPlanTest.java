package dev.codebuildspec.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.run.BuildRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What of a child's request the buildspec decides, and what only the build's own options grant. */
class BatchPlanTest {
    private static final String BUILDSPEC = """
            version: 0.2
            batch:
              build-list:
                - identifier: dind
                  env:
                    privileged-mode: true
                - identifier: plain
                  env:
                    privileged-mode: false
                - identifier: inherits
            phases:
              build:
                commands:
                  - echo hi
            """;

    private static BuildRequest parent(boolean privileged) {
        return BuildRequest.builder(Path.of("/src"), "img").inlineBuildspec("inline buildspec", BUILDSPEC)
                .privileged(privileged).build();
    }

    @Test
    void aBuildspecMayTurnPrivilegedModeOffButNeverOn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildRequest unprivileged = parent(false);
        BatchPlan plan = BatchPlan.of(unprivileged, new PrintStream(out, true, StandardCharsets.UTF_8)).orElseThrow();
        assertThat(plan.children()).allSatisfy(c ->
                assertThat(BatchPlan.request(unprivileged, c, Path.of("/copy"), Optional.empty()).privileged()).isFalse());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[batch] dind: privileged-mode is ignored")
                .doesNotContain("plain:", "inherits:");

        BuildRequest privileged = parent(true);
        BatchPlan again = BatchPlan.of(privileged, new PrintStream(java.io.OutputStream.nullOutputStream())).orElseThrow();
        assertThat(again.children()).extracting(c -> BatchPlan.request(privileged, c, Path.of("/copy"), Optional.empty())
                .privileged()).containsExactly(true, false, true);
    }
}
