package dev.codebuildspec.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BuiltInVariablesTest {
    private static final String UUID = "5b1c2c1e-4a5f-4d7e-9a53-0f2b3c4d5e6f";

    private static BuiltInVariables builtIns(Optional<String> source, Optional<String> resolved) {
        return new BuiltInVariables("my-project", UUID, 42, "/codebuild/output/src1/src", 1706702400123L,
                "alice", "aws/codebuild/standard:7.0", source, resolved);
    }

    @Test
    void theBuildIdIsProjectColonUuid() {
        assertThat(builtIns(Optional.empty(), Optional.empty()).buildId()).isEqualTo("my-project:" + UUID);
    }

    @Test
    void theArnHasCodeBuildsShapeInTheLocalRegionAndAccount() {
        assertThat(builtIns(Optional.empty(), Optional.empty()).buildArn())
                .isEqualTo("arn:aws:codebuild:local:000000000000:build/my-project:" + UUID)
                .matches("arn:aws:codebuild:[^:]+:\\d{12}:build/[^:]+:[0-9a-f-]{36}");
    }

    @Test
    void theMapHasTheVariablesInOrder() {
        Map<String, String> m = builtIns(Optional.of("main"), Optional.of("0123abcd")).asMap();
        assertThat(m).containsExactly(
                Map.entry("CODEBUILD_BUILD_ID", "my-project:" + UUID),
                Map.entry("CODEBUILD_BUILD_ARN", "arn:aws:codebuild:local:000000000000:build/my-project:" + UUID),
                Map.entry("CODEBUILD_BUILD_NUMBER", "42"),
                Map.entry("CODEBUILD_SRC_DIR", "/codebuild/output/src1/src"),
                Map.entry("CODEBUILD_START_TIME", "1706702400123"),
                Map.entry("CODEBUILD_INITIATOR", "alice"),
                Map.entry("CODEBUILD_BUILD_IMAGE", "aws/codebuild/standard:7.0"),
                Map.entry("CODEBUILD_SOURCE_VERSION", "main"),
                Map.entry("CODEBUILD_RESOLVED_SOURCE_VERSION", "0123abcd"),
                Map.entry("HOME", "/root"));
    }

    @Test
    void sourceVersionsAreLeftOutWhenUnknown() {
        Map<String, String> m = builtIns(Optional.empty(), Optional.empty()).asMap();
        assertThat(m).doesNotContainKeys("CODEBUILD_SOURCE_VERSION", "CODEBUILD_RESOLVED_SOURCE_VERSION");
        assertThat(m).doesNotContainKey("CODEBUILD_BUILD_SUCCEEDING");
    }
}
