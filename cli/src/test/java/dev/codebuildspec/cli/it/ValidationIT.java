package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid buildspecs fail in DOWNLOAD_SOURCE with YAML_FILE_ERROR and a file:line:column, before
 * anything touches Docker; {@code validate} reports the same diagnostics.
 */
class ValidationIT {
    /** An image that does not exist and cannot be pulled: touching Docker at all would fail differently (exit 3). */
    private static final String NO_SUCH_IMAGE = "codebuild-spec-test/does-not-exist:never";

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("bad YAML", """
                        version: 0.2
                        phases:
                          build:
                            commands: [echo one, echo two
                        """, "buildspec.yml:5:1: ", "expected ',' or ']'"),
                Arguments.of("tab indentation", "version: 0.2\nphases:\n\tbuild:\n    commands:\n      - echo x\n",
                        "buildspec.yml:3:1: ", "TAB"),
                Arguments.of("missing version", """
                        phases:
                          build:
                            commands:
                              - echo x
                        """, "buildspec.yml:1:1: ", "version is missing"),
                Arguments.of("version 0.3", """
                        version: 0.3
                        phases:
                          build:
                            commands:
                              - echo x
                        """, "buildspec.yml:1:10: ", "0.3"),
                Arguments.of("unknown phase name", """
                        version: 0.2
                        phases:
                          postbuild:
                            commands:
                              - echo x
                        """, "buildspec.yml:3:3: ",
                        "Invalid buildspec phase name: POSTBUILD. Expecting: BUILD,INSTALL,POST_BUILD,PRE_BUILD"),
                Arguments.of("unquoted colon-space in a command", """
                        version: 0.2
                        phases:
                          build:
                            commands:
                              - echo key: value
                        """, "buildspec.yml:5:9: ", "Expected Commands[0] to be of string type"),
                Arguments.of("commands a mapping", """
                        version: 0.2
                        phases:
                          build:
                            commands: {echo: x}
                        """, "buildspec.yml:4:15: ", "must be a list of commands, found a mapping"),
                Arguments.of("variables not a map", """
                        version: 0.2
                        env:
                          variables:
                            - A=1
                        phases:
                          build:
                            commands:
                              - echo x
                        """, "buildspec.yml:4:", "variables"),
                Arguments.of("unknown on-failure value", """
                        version: 0.2
                        phases:
                          build:
                            on-failure: IGNORE
                            commands:
                              - echo x
                        """, "buildspec.yml:4:17: ", "IGNORE"));
    }

    /**
     * A stand-in for the docker CLI that only records that it was called: a build that fails in
     * DOWNLOAD_SOURCE must never call it, whatever other builds run on the machine meanwhile.
     */
    private static Path dockerSpy(Path dir) throws IOException {
        Path spy = dir.resolve("docker-spy");
        Files.writeString(spy, "#!/bin/sh\necho \"$*\" >> \"$0.calls\"\nexit 1\n");
        spy.toFile().setExecutable(true);
        return spy;
    }

    private static void assertNeverCalled(Path spy) {
        assertThat(spy.resolveSibling(spy.getFileName() + ".calls")).as("docker was called").doesNotExist();
    }

    private static void assertFailedInDownloadSource(CliResult r, String position, String fragment) {
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(r.phaseStatuses()).containsExactly(Map.entry("DOWNLOAD_SOURCE", "FAILED"),
                Map.entry("FINALIZING", "SUCCEEDED"));
        assertThat(Logs.contextCode(r, "DOWNLOAD_SOURCE")).isEqualTo("YAML_FILE_ERROR");
        assertThat(Logs.contextMessage(r, "DOWNLOAD_SOURCE")).startsWith(position).contains(fragment);
        assertThat(Logs.agent(r)).containsSubsequence(
                "Phase is DOWNLOAD_SOURCE",
                "Phase complete: DOWNLOAD_SOURCE State: FAILED",
                "Phase context status code: YAML_FILE_ERROR Message: " + Logs.contextMessage(r, "DOWNLOAD_SOURCE"),
                "Entering phase FINALIZING");
        assertThat(r.output()).doesNotContain("Entering phase INSTALL").doesNotContain("Pulling image")
                .doesNotContain("Running command");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidBuildspecFailsInDownloadSourceWithoutDocker(String name, String yaml, String position,
            String fragment, @TempDir Path tmp) throws Exception {
        Path spy = dockerSpy(tmp);

        CliResult r = new Workspace(tmp).buildspec(yaml).args("--docker", spy.toString()).run(NO_SUCH_IMAGE);

        assertFailedInDownloadSource(r, position, fragment);
        assertNeverCalled(spy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void validatePrintsTheSameDiagnosticAndExitsOne(String name, String yaml, String position, String fragment,
            @TempDir Path tmp) {
        Workspace ws = new Workspace(tmp).buildspec(yaml);
        CliResult v = ws.cli("validate", "--source", ws.src().toString());
        CliResult r = ws.run(NO_SUCH_IMAGE);

        assertThat(v.exit()).as(v.toString()).isEqualTo(1);
        assertThat(v.output()).contains(position).contains(fragment)
                .contains(Logs.contextMessage(r, "DOWNLOAD_SOURCE"));
    }

    @Test
    void aMissingBuildspecFileIsAYamlFileError(@TempDir Path tmp) throws Exception {
        Path spy = dockerSpy(tmp);
        Workspace ws = new Workspace(tmp).args("--docker", spy.toString());

        CliResult r = ws.run(NO_SUCH_IMAGE);

        String missing = "stat " + ws.src().resolve("buildspec.yml") + ": no such file or directory";
        // As CodeBuild's log says it: `YAML_FILE_ERROR Message: stat <path>: no such file or directory`.
        assertFailedInDownloadSource(r, missing, missing);
        assertThat(r.log()).doesNotContain(":0:0");
        assertNeverCalled(spy);
        CliResult v = ws.cli("validate", "--source", ws.src().toString());
        assertThat(v.exit()).as(v.toString()).isEqualTo(2);
        assertThat(v.output()).contains("codebuild-spec: " + missing);
        CliResult noSource = ws.cli("validate", "--source", tmp.resolve("nonexistent").toString());
        assertThat(noSource.exit()).as(noSource.toString()).isEqualTo(2);
        assertThat(noSource.output()).contains("--source " + tmp.resolve("nonexistent") + " is not a directory");
    }

    @Test
    void aBuildspecElsewhereIsFoundRelativeToTheSource(@TempDir Path tmp) {
        Workspace ws = new Workspace(tmp).file("ci/other.yml", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo key: value
                """);
        CliResult v = ws.cli("validate", "--source", ws.src().toString(), "--buildspec", "ci/other.yml");
        CliResult r = ws.args("--buildspec", "ci/other.yml").run(NO_SUCH_IMAGE);

        assertThat(v.exit()).as(v.toString()).isEqualTo(1);
        assertThat(v.output()).contains("ci/other.yml:5:9: ");
        assertFailedInDownloadSource(r, "ci/other.yml:5:9: ", "Expected Commands[0] to be of string type");
    }

    @Test
    void validateAcceptsAValidBuildspec(@TempDir Path tmp) {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  shell: bash
                  variables:
                    A: "1"
                phases:
                  install:
                    runtime-versions:
                      java: corretto17
                  build:
                    on-failure: RETRY-2-exit status 7
                    commands:
                      - "echo key: value"
                    finally:
                      - echo done
                artifacts:
                  files:
                    - '**/*'
                """);

        CliResult v = ws.cli("validate", "--source", ws.src().toString());

        assertThat(v.exit()).as(v.toString()).isZero();
        assertThat(v.output()).doesNotContain("error");
    }

    @Test
    void warningsFailNeitherValidateNorARun(@TempDir Path tmp) {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                unknown-key: whatever
                phases:
                  build:
                    commands:
                      - echo built
                """);

        CliResult v = ws.cli("validate", "--source", ws.src().toString());
        CliResult r = ws.run(TestImages.BUSYBOX);

        assertThat(v.exit()).as(v.toString()).isZero();
        assertThat(v.output()).contains("buildspec.yml:2:1: warning:").contains("unknown-key");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.buildStatus()).isEqualTo("SUCCEEDED");
        assertThat(Logs.agent(r)).anySatisfy(l -> assertThat(l).startsWith("buildspec.yml:2:1: warning:")
                .contains("unknown-key"));
        assertThat(r.commandOutput()).containsExactly("built");
    }

    @Test
    void validateNeedsNoDockerAndStartsNoContainer(@TempDir Path tmp) throws Exception {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo x
                """);

        CliResult v = ws.cli("validate", "--source", ws.src().toString());

        assertThat(v.exit()).isZero();
        assertThat(List.of(v.output().split("\n"))).noneMatch(l -> l.startsWith("[Container]"));
    }

    @Test
    void validateChecksRuntimeVersionsAgainstARuntimesFile(@TempDir Path tmp) throws Exception {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  install:
                    runtime-versions:
                      nodejs: 16
                  build:
                    commands:
                      - node --version
                """);
        Path runtimes = Files.writeString(tmp.resolve("runtimes.yml"),
                "runtimes:\n  nodejs:\n    versions:\n      18:\n        commands: [echo 18]\n");
        CliResult v = ws.cli("validate", "--source", ws.src().toString(), "--runtimes", runtimes.toString());
        assertThat(v.exit()).as(v.toString()).isEqualTo(1);
        assertThat(v.output()).contains("buildspec.yml: error: Unknown runtime version named '16' of nodejs. The runtimes "
                + "file " + runtimes + " has the following versions: 18 (phases.install.runtime-versions at buildspec.yml:3:3)");
        CliResult plain = ws.cli("validate", "--source", ws.src().toString());
        assertThat(plain.exit()).as("without --runtimes the image decides, at run time").isZero();
    }
}
