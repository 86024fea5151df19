package dev.codebuildspec.acceptance;

import static dev.codebuildspec.acceptance.Jobs.groovy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.acceptance.Suite.Where;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A controller restart while a build's commands run, repeated (a restart that lands inside a poll once failed 1 time
 * in 5): the build goes on, no line is lost or repeated, and it ends SUCCESS with its container removed.
 */
class RestartIT {
    private static Suite suite;

    @BeforeAll
    static void jenkins() throws Exception {
        suite = Suite.get();
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aBuildGoesOnAfterControllerRestarts(Where where) throws Exception {
        String job = "restart-" + where;
        suite.jenkins.createJob(job, Jobs.pipeline(Jobs.step(where.label, suite.image, "", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "tick $i"; sleep 1; done
                      - echo after
                  post_build:
                    commands:
                      - echo post
                """)));
        for (int i = 0; i < suite.restarts; i++) {
            Build b = suite.jenkins.build(job);
            // Each time a little later, so that restarts land at different moments of the polling.
            b.awaitConsole("tick " + (1 + i % 4), Duration.ofMinutes(2));
            suite.jenkins.restart();
            assertThat(b.awaitResult(Duration.ofMinutes(4))).as(b.console()).isEqualTo("SUCCESS");
            String console = b.console();
            for (String line : List.of("tick 1", "tick 6", "tick 12", "after", "post")) {
                assertThat(count(console, "\n" + line + "\n")).as(line + " once in\n" + console).isEqualTo(1);
            }
            assertThat(count(console, "Entering phase BUILD")).as(console).isEqualTo(1);
            assertThat(console).contains("Phase complete: FINALIZING State: SUCCEEDED");
            Suite.assertClean(b, where, List.of());
        }
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aBatchGoesOnAfterAControllerRestart(Where where) throws Exception {
        String job = "restart-batch-" + where;
        suite.jenkins.createJob(job, Jobs.pipeline(Jobs.step(where.label, suite.image, ", batch: true, parallel: 2", """
                version: 0.2
                batch:
                  build-list:
                    - identifier: one
                    - identifier: two
                phases:
                  build:
                    commands:
                      - echo "start $CODEBUILD_BATCH_BUILD_IDENTIFIER"
                      - sleep 12
                      - echo "end $CODEBUILD_BATCH_BUILD_IDENTIFIER"
                """)));
        Build b = suite.jenkins.build(job);
        b.awaitConsole("start two", Duration.ofMinutes(2));
        suite.jenkins.restart();
        assertThat(b.awaitResult(Duration.ofMinutes(4))).as(b.console()).isEqualTo("SUCCESS");
        String console = b.console();
        assertThat(count(console, "end one")).as(console).isEqualTo(1);
        assertThat(count(console, "end two")).as(console).isEqualTo(1);
        assertThat(b.buildspecRecord().get("buildBatchStatus").getAsString()).isEqualTo("SUCCEEDED");
        Suite.assertClean(b, where, List.of());
    }

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
