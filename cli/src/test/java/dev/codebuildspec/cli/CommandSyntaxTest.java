package dev.codebuildspec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's own option parser: both value forms, repeats, flags, and each mistake in words with exit 2. */
class CommandSyntaxTest {

    @Test
    void valuesComeInBothFormsAndRepeatableOptionsKeepTheirOrder() {
        RunCommand run = new RunCommand();
        assertThat(run.syntax().parse(List.of("--image=img:1", "--env", "A=1", "--env=B=--x", "--batch",
                "--timeout-minutes", "0.5", "--source", "src", "--secret", "T"))).isEqualTo(CommandSyntax.Request.RUN);
        assertThat(run.image).isEqualTo("img:1");
        assertThat(run.env).containsExactly("A=1", "B=--x");
        assertThat(run.batch).isTrue();
        assertThat(run.timeoutMinutes).isEqualByComparingTo("0.5");
        assertThat(run.source).isEqualTo(Path.of("src"));
        assertThat(run.secrets).containsExactly("T");
        assertThat(run.buildNumber).isEqualTo(1);
    }

    @Test
    void aValueMayStartWithADashUnlessItIsAnOption() {
        RunCommand run = new RunCommand();
        run.syntax().parse(List.of("--env", "-n", "--project", "-p"));
        assertThat(run.env).containsExactly("-n");
        assertThat(run.project).isEqualTo("-p");
        assertThatThrownBy(() -> new RunCommand().syntax().parse(List.of("--image", "--batch")))
                .hasMessage("Missing required parameter for option '--image' (IMAGE)");
    }

    @Test
    void helpAndVersionWinOverTheRest() {
        assertThat(new RunCommand().syntax().parse(List.of("--image", "x", "--help"))).isEqualTo(CommandSyntax.Request.HELP);
        assertThat(new GcCommand().syntax().parse(List.of("-V"))).isEqualTo(CommandSyntax.Request.VERSION);
    }

    @Test
    void mistakesAreSaidInWords() {
        assertThatThrownBy(() -> new RunCommand().syntax().parse(List.of("--imag", "x")))
                .hasMessage("Unknown option: '--imag'; did you mean --image?");
        assertThatThrownBy(() -> new RunCommand().syntax().parse(List.of("--image", "a", "--image", "b")))
                .hasMessage("option '--image' should be given only once");
        assertThatThrownBy(() -> new RunCommand().syntax().parse(List.of("--batch=yes")))
                .hasMessage("option '--batch' takes no value, got 'yes'");
        assertThatThrownBy(() -> new RunCommand().syntax().parse(List.of("--build-number", "x1")))
                .hasMessage("Invalid value for option '--build-number': 'x1' is not a whole number");
        assertThatThrownBy(() -> new ValidateCommand().syntax().parse(List.of("buildspec.yml")))
                .hasMessage("Unexpected argument 'buildspec.yml': codebuild-spec validate takes options only; "
                        + "did you mean --buildspec?");
    }

    @Test
    void everyOptionIsInHelpWithinEightyColumnsAndHelpEndsWithTheExitStatuses() {
        String help = new RunCommand().syntax().help();
        for (String option : List.of("--image=IMAGE", "--env=NAME=VALUE...", "--no-container", "--logs=DIR", "--help")) {
            assertThat(help).contains(option);
        }
        assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(HelpText.WIDTH));
        assertThat(help).contains("Exit status:", "   3  the build ended FAULT");
        assertThat(Main.help().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(HelpText.WIDTH));
    }

    @Test
    void theCommandLineOfMainGivesExitTwoAndPointsAtHelp() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.execute(List.of("rum"), new PrintStream(out), new PrintStream(err));
        assertThat(status).isEqualTo(ExitStatus.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("codebuild-spec: unknown command 'rum'; the commands "
                + "are run, validate, gc and help; did you mean run?\nTry 'codebuild-spec --help' for more information.\n");
        assertThat(Main.execute(List.of("help", "gc"), new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: codebuild-spec gc [OPTIONS]");
    }
}
