package dev.codebuildspec.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The bounds every host applies to what it is asked, with the same words. */
class BuildLimitsTest {
    @Test
    void timeoutsFromAFractionOfAMinuteTo36Hours() {
        assertThat(BuildLimits.timeoutProblem(new BigDecimal("0.5"))).isEmpty();
        assertThat(BuildLimits.timeoutProblem(BigDecimal.valueOf(2160))).isEmpty();
        assertThat(BuildLimits.timeoutProblem(BigDecimal.ZERO)).hasValue(
                "the timeout must be more than 0 and at most 2160 minutes (36 hours, CodeBuild's bound), got 0");
        assertThat(BuildLimits.timeoutProblem(BigDecimal.valueOf(2161))).isPresent();
    }

    @Test
    void variableNamesAreShellNamesOutsideCodeBuildsOwn() {
        assertThat(BuildLimits.variableProblem("STAGE_2")).isEmpty();
        assertThat(BuildLimits.variableProblem("2STAGE")).hasValue("'2STAGE' is not a valid environment variable name: "
                + "use letters, digits and underscores, not starting with a digit");
        assertThat(BuildLimits.variableProblem("CODEBUILD_X"))
                .hasValue("No user environment variables can start with CODEBUILD_: CODEBUILD_X");
    }
}
