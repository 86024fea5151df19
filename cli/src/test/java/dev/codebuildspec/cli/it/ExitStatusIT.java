package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each exit status, as the README and --help document them: 0 SUCCEEDED, 1 FAILED/TIMED_OUT/STOPPED, 2 usage, 3 FAULT. */
class ExitStatusIT {
    @TempDir
    Path tmp;

    private static String build(String command) {
        return "version: 0.2\nphases:\n  build:\n    commands:\n      - " + command + "\n";
    }

    @Test
    void aBuildThatSucceedsExitsZero() {
        CliResult r = new Workspace(tmp).buildspec(build("true")).run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.buildStatus()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aBuildThatFailsExitsOne() {
        CliResult r = new Workspace(tmp).buildspec(build("exit 1")).run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
    }

    @Test
    void aFaultExitsThree() {
        CliResult r = new Workspace(tmp).buildspec(build("true")).run("codebuild-spec-test/no-such-image:" + System.nanoTime());
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "bogus", "run", "run --image x --build-number abc", "validate --bogus",
        "run --image x --timeout-minutes 0", "run --image x --env =1", "gc --bogus", "--bogus"})
    void everyCommandLineErrorExitsTwo(String args) {
        CliResult r = Cli.run(tmp, Map.of(), args.isEmpty() ? new String[0] : args.split(" "));
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.output()).contains("codebuild-spec: ").contains("--help' for more information");
    }

    @Test
    void commandLineErrorsSayWhatIsWrongInWords() {
        assertThat(Cli.run(tmp, Map.of(), "build").output())
                .contains("codebuild-spec: unknown command 'build'; the commands are run, validate, gc and help");
        assertThat(Cli.run(tmp, Map.of(), "run", "--image", "x", "--timeout-minutes", "abc").output())
                .contains("'abc' is not a number of minutes").doesNotContain("Exception");
        CliResult help = Cli.run(tmp, Map.of(), "run", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).contains("Exit status:", "the build ended FAULT");
    }
}
