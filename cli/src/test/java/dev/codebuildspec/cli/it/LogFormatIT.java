package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The log: CodeBuild's agent vocabulary and order, its timestamps, and command output byte for byte. */
class LogFormatIT {
    private static final String IMAGE = TestImages.BUSYBOX;
    private static final byte[] AGENT = "\n[Container] ".getBytes(StandardCharsets.US_ASCII);

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(from, 0); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSimpleBuildLogsTheAgentVocabularyInOrder(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  pre_build:
                    commands:
                      - echo pre
                  build:
                    commands:
                      - echo one
                      - echo two
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> agent = Logs.agent(r);
        assertThat(agent.get(0)).isEqualTo("Phase is DOWNLOAD_SOURCE");
        assertThat(agent.get(1)).matches("CODEBUILD_SRC_DIR=/\\S+");
        assertThat(agent.get(2)).isEqualTo("YAML location is " + tmp.resolve("src/buildspec.yml"));
        assertThat(agent).containsSubsequence(
                "Phase is DOWNLOAD_SOURCE",
                "Processing environment variables",
                "Phases found in YAML: 2",
                " PRE_BUILD: 1 commands",
                " BUILD: 2 commands",
                "Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED",
                "Phase context status code:  Message: ",
                "Entering phase INSTALL",
                "Phase complete: INSTALL State: SUCCEEDED",
                "Phase context status code:  Message: ",
                "Entering phase PRE_BUILD",
                "Running command echo pre",
                "Phase complete: PRE_BUILD State: SUCCEEDED",
                "Phase context status code:  Message: ",
                "Entering phase BUILD",
                "Running command echo one",
                "Running command echo two",
                "Phase complete: BUILD State: SUCCEEDED",
                "Phase context status code:  Message: ",
                "Entering phase POST_BUILD",
                "Phase complete: POST_BUILD State: SUCCEEDED",
                "Entering phase UPLOAD_ARTIFACTS",
                "Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED",
                "Entering phase FINALIZING",
                "Phase complete: FINALIZING State: SUCCEEDED",
                "Phase context status code:  Message: ");
        assertThat(agent.get(agent.size() - 1)).isEqualTo("Phase context status code:  Message: ");
        // Command output sits right after its Running command line.
        assertThat(Logs.lines(r)).containsSubsequence("[Container] Running command echo one", "one",
                "[Container] Running command echo two", "two");
    }

    @Test
    void everyAgentLineCarriesAMicrosecondTimestamp(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - "false"
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        List<String> agentLines = List.of(r.output().split("\n")).stream()
                .filter(l -> l.startsWith("[Container]")).toList();
        assertThat(agentLines).hasSizeGreaterThan(20).allSatisfy(l -> assertThat(l)
                .matches("\\[Container\\] \\d{4}/(0[1-9]|1[0-2])/(0[1-9]|[12]\\d|3[01]) ([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d"
                        + "\\.\\d{6} .+"));
        assertThat(Logs.agent(r)).containsSubsequence(
                "Command did not exit successfully false exit status 1",
                "Phase complete: BUILD State: FAILED",
                "Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: false."
                        + " Reason: exit status 1");
    }

    @ParameterizedTest
    @MethodSource("dev.codebuildspec.cli.it.Images#shells")
    void commandOutputIsRawBytes(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "emoji 🚀 café ✓"
                      - printf 'bad \\377\\376 bytes\\n'
                      - printf 'tab\\there\\r\\n'
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isZero();
        byte[] out = r.outputBytes();
        assertThat(indexOf(out, bytes("\nemoji 🚀 café ✓\n"), 0)).isNotNegative();
        byte[] invalid = {'\n', 'b', 'a', 'd', ' ', (byte) 0xFF, (byte) 0xFE, ' ', 'b', 'y', 't', 'e', 's', '\n'};
        assertThat(indexOf(out, invalid, 0)).as("invalid UTF-8 passed through unchanged").isNotNegative();
        assertThat(indexOf(out, bytes("\ntab\there\r\n"), 0)).isNotNegative();
    }

    @Test
    void outputWithoutATrailingNewlineIsFollowedByAnAgentLineOnItsOwnLine(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - printf 'no newline'
                      - printf 'second'
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.log()).contains("\nno newline\n[Container] Running command printf 'second'\nsecond\n[Container] ");
    }

    @Test
    void aOneMegabyteLineWithoutNewlineArrivesWhole(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - head -c 1000000 /dev/zero | tr '\\0' 'y'
                      - echo after
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isZero();
        byte[] out = r.outputBytes();
        int start = indexOf(out, bytes("\nyyyy"), 0) + 1;
        assertThat(start).isPositive();
        int end = start;
        while (end < out.length && out[end] == 'y') {
            end++;
        }
        assertThat(end - start).isEqualTo(1_000_000);
        assertThat(indexOf(out, AGENT, end)).isEqualTo(end);
        assertThat(r.commandOutput()).contains("after");
    }

    @Test
    void fiftyMegabytesOfOutputArriveComplete(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - head -c 50000000 /dev/zero | tr '\\0' 'x'
                      - echo done
                """).run(IMAGE);

        assertThat(r.exit()).as(r.buildStatus()).isZero();
        byte[] out = r.outputBytes();
        int start = indexOf(out, bytes("\nxxxx"), 0) + 1;
        assertThat(start).isPositive();
        int end = start;
        while (end < out.length && out[end] == 'x') {
            end++;
        }
        assertThat(end - start).isEqualTo(50_000_000);
        assertThat(indexOf(out, bytes("\n[Container] "), end)).isEqualTo(end);
        assertThat(indexOf(out, bytes("\ndone\n"), end)).isPositive();
        assertThat(r.buildStatus()).isEqualTo("SUCCEEDED");
    }

    @ParameterizedTest
    @MethodSource("dev.codebuildspec.cli.it.Images#shells")
    void stdoutAndStderrAreInterleavedInOrder(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - for i in 1 2 3 4 5; do echo "out $i"; echo "err $i" >&2; done
                      - echo "from stderr only" >&2
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("out 1", "err 1", "out 2", "err 2", "out 3", "err 3",
                "out 4", "err 4", "out 5", "err 5", "from stderr only");
    }
}
