package dev.codebuildspec.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request holds every host to the same limits, whatever the host checked before. */
class BuildRequestTest {
    private static BuildRequest.Builder builder() {
        return BuildRequest.builder(Path.of("/src"), "img");
    }

    @Test
    void aTimeoutOutsideCodeBuildsBoundsIsRefusedWithTheWordsEveryHostUses() {
        assertThatThrownBy(() -> builder().timeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the timeout must be more than 0 and at most 2160 minutes (36 hours, CodeBuild's bound), got 0");
        assertThatThrownBy(() -> builder().timeout(Duration.ofMinutes(2161)).build())
                .hasMessageEndingWith("got 2161");
        assertThat(builder().timeout(Duration.ofSeconds(3)).build().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(builder().timeout(Duration.ofMinutes(2160)).build().timeout()).isEqualTo(Duration.ofHours(36));
        assertThat(builder().build().timeout()).isEqualTo(Duration.ofMinutes(BuildLimits.DEFAULT_TIMEOUT_MINUTES));
    }

    @Test
    void hostGivenVariablesKeepToTheNamesABuildspecMayUse() {
        assertThatThrownBy(() -> builder().environment(Map.of("CODEBUILD_X", "1"), Map.of()).build())
                .hasMessage("No user environment variables can start with CODEBUILD_: CODEBUILD_X");
        assertThatThrownBy(() -> builder().environment(Map.of(), Map.of("bad-name", "s")).build())
                .hasMessageStartingWith("'bad-name' is not a valid environment variable name");
        assertThat(builder().environment(Map.of("STAGE", "test"), Map.of("TOKEN", "s")).build().plainOverrides())
                .containsEntry("STAGE", "test");
    }
}
