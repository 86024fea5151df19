package dev.codebuildspec.acceptance;

import static dev.codebuildspec.acceptance.Jobs.groovy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.acceptance.Suite.Where;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's JVM goes away mid-build, as a crash or a network cut makes it: the build waits for it (its commands run
 * on in the container), goes on when it is back; or, past the bound, ends FAULT through FINALIZING with its record,
 * and its container is removed as soon as the agent returns.
 */
class AgentLossIT {
    private static final String WAIT = "io.jenkins.plugins.codebuildspec.agentWaitSeconds";
    private static Suite suite;

    @BeforeAll
    static void jenkins() throws Exception {
        suite = Suite.get();
    }

    @AfterEach
    void agentBack() throws Exception {
        suite.jenkins.groovy("System.clearProperty('" + WAIT + "'); print('ok')");
        if (!suite.agent.online()) {
            suite.agent.start();
        }
    }

    private Build sleeper(String job, int seconds) throws Exception {
        suite.jenkins.createJob(job, Jobs.pipeline("""
                node('%s') {
                    codebuildSpec image: '%s', inline: %s
                }
                """.formatted(Where.AGENT.label, suite.image, groovy("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo before
                      - sleep %d
                      - echo after
                """.formatted(seconds)))));
        Build b = suite.jenkins.build(job);
        b.awaitConsole("\nbefore\n", Duration.ofMinutes(2));
        return b;
    }

    @Test
    void aBuildWaitsForItsAgentAndGoesOnWhenItIsBack() throws Exception {
        Build b = sleeper("agent-back", 30);
        suite.agent.stop();
        Thread.sleep(12_000);
        suite.agent.start();
        assertThat(b.awaitResult(Duration.ofMinutes(3))).as(b.console()).isEqualTo("SUCCESS");
        String console = b.console();
        assertThat(console).contains("Cannot contact " + Agent.NAME, Agent.NAME + " is back: the buildspec build goes on",
                "Phase complete: FINALIZING State: SUCCEEDED");
        assertThat(RestartIT.count(console, "\nbefore\n")).as(console).isEqualTo(1);
        assertThat(RestartIT.count(console, "\nafter\n")).as(console).isEqualTo(1);
        Suite.assertClean(b, Where.AGENT, List.of());
    }

    @Test
    void anAgentThatStaysAwayEndsTheBuildFaultAndItsContainerGoesWhenItReturns() throws Exception {
        suite.jenkins.groovy("System.setProperty('" + WAIT + "', '20'); print('ok')");
        Build b = sleeper("agent-gone", 600);
        suite.agent.stop();
        assertThat(b.awaitResult(Duration.ofMinutes(2))).as(b.console()).isEqualTo("FAILURE");
        String console = b.console();
        assertThat(console).contains("Cannot contact " + Agent.NAME, "was not connected for 20 s",
                "Phase complete: BUILD State: FAULT", "Phase complete: FINALIZING State: FAULT");
        assertThat(b.buildspecRecord().get("buildStatus").getAsString()).isEqualTo("FAULT");
        suite.agent.start();
        Wait wait = new Wait(Duration.ofSeconds(60), "the container of " + b + " to be removed once the agent is back");
        while (!Leaks.containers(b, Where.AGENT.node).isEmpty()) {
            wait.pause(Duration.ofSeconds(2));
        }
    }
}
