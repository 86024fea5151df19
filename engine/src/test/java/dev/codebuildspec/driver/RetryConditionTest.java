package dev.codebuildspec.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.OnFailure;
import dev.codebuildspec.buildspec.PhaseName;
import dev.codebuildspec.buildspec.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which {@code <command id>:<status>} failures a {@code RETRY-<regex>} retries. */
class RetryConditionTest {
    private static final List<CommandRef> COMMANDS = List.of(
            new CommandRef(4, PhaseName.BUILD, false, new Command("make all", Position.UNKNOWN)),
            new CommandRef(5, PhaseName.BUILD, false, new Command("make test", Position.UNKNOWN)),
            new CommandRef(6, PhaseName.BUILD, true, new Command("echo (done) [ok]", Position.UNKNOWN)));

    private static OnFailure retry(String regex) {
        return new OnFailure(OnFailure.Mode.RETRY, OnFailure.DEFAULT_RETRIES, Optional.ofNullable(regex),
                Position.UNKNOWN);
    }

    @Test
    void theFailureMessageIsCodeBuilds() {
        assertThat(RetryCondition.failureMessage("make test", 2))
                .isEqualTo("Error while executing command: make test. Reason: exit status 2");
    }

    @Test
    void retryWithoutARegexRetriesEveryFailure() {
        assertThat(RetryCondition.casePatterns(retry(null), COMMANDS)).containsExactly("4:*", "5:*", "6:*");
    }

    @Test
    void aRegexThatMatchesOneStatusOnly() {
        assertThat(RetryCondition.casePatterns(retry("exit status 7$"), COMMANDS)).containsExactly("4:7", "5:7", "6:7");
    }

    @Test
    void theRegexIsFoundAnywhereInTheMessage() {
        List<String> expected = new ArrayList<>();
        for (int id : new int[] {4, 5, 6}) {
            expected.add(id + ":25");
            IntStream.rangeClosed(250, 255).forEach(s -> expected.add(id + ":" + s));
        }
        assertThat(RetryCondition.casePatterns(retry("status 25"), COMMANDS)).containsExactlyElementsOf(expected);
    }

    @Test
    void aRegexThatMatchesTheCommandText() {
        assertThat(RetryCondition.casePatterns(retry("command: make test\\."), COMMANDS)).containsExactly("5:*");
        assertThat(RetryCondition.casePatterns(retry("\\(done\\) \\[ok]"), COMMANDS)).containsExactly("6:*");
    }

    @Test
    void aRegexOnCommandAndStatus() {
        assertThat(RetryCondition.casePatterns(retry("make all\\. Reason: exit status 1[0-2]$"), COMMANDS))
                .containsExactly("4:10", "4:11", "4:12");
    }

    @Test
    void aRegexThatMatchesNothingGivesNoPatterns() {
        assertThat(RetryCondition.casePatterns(retry("Connection reset by peer"), COMMANDS)).isEmpty();
        assertThat(RetryCondition.casePatterns(retry("exit status 0$"), COMMANDS)).isEmpty();
        assertThat(RetryCondition.casePatterns(retry("exit status 256"), COMMANDS)).isEmpty();
    }

    @Test
    void noCommandsGiveNoPatterns() {
        assertThat(RetryCondition.casePatterns(retry(null), List.of())).isEmpty();
    }

    @Test
    void worksOnTheCommandsOfAParsedBuildspec() {
        Buildspec spec = new BuildspecParser().parse("""
                version: 0.2
                phases:
                  install:
                    commands:
                      - apt-get update
                  build:
                    on-failure: RETRY-2-exit status 1$
                    commands:
                      - ./flaky.sh
                    finally:
                      - ./cleanup.sh
                """, "buildspec.yml").buildspec().orElseThrow();
        OnFailure onFailure = spec.phase(PhaseName.BUILD).orElseThrow().onFailure().orElseThrow();
        assertThat(onFailure.retries()).isEqualTo(2);
        CommandIndex index = CommandIndex.of(spec);
        List<CommandRef> build = new ArrayList<>(index.of(PhaseName.BUILD, false));
        build.addAll(index.of(PhaseName.BUILD, true));
        assertThat(RetryCondition.casePatterns(onFailure, build)).containsExactly("1:1", "2:1");
    }
}
