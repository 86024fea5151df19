package dev.codebuildspec.parse;

import static dev.codebuildspec.parse.Parse.diagnostics;
import static dev.codebuildspec.parse.Parse.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.OnFailure;
import dev.codebuildspec.buildspec.Phase;
import dev.codebuildspec.buildspec.PhaseName;
import dev.codebuildspec.buildspec.Position;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PhaseValidationTest {

    private static String build(String body) {
        return "version: 0.2\nphases:\n  build:\n" + body;
    }

    private static Phase buildPhase(String body) {
        ParseResult r = parse(build(body));
        assertThat(r.diagnostics()).isEmpty();
        return r.buildspec().orElseThrow().phase(PhaseName.BUILD).orElseThrow();
    }

    @Test
    void unknownPhaseNameUsesCodeBuildWording() {
        assertThat(diagnostics("version: 0.2\nphases:\n  test:\n    commands: [a]\n")).containsExactly(
                "buildspec.yml:3:3: error: Invalid buildspec phase name: TEST. Expecting: "
                        + "BUILD,INSTALL,POST_BUILD,PRE_BUILD");
        assertThat(diagnostics("version: 0.2\nphases:\n  post-build:\n    commands: [a]\n")).containsExactly(
                "buildspec.yml:3:3: error: Invalid buildspec phase name: POST-BUILD. Expecting: "
                        + "BUILD,INSTALL,POST_BUILD,PRE_BUILD (did you mean 'post_build'?)");
    }

    @Test
    void unquotedColonInCommandIsCodeBuildsSubkeysError() {
        assertThat(diagnostics(build("    commands:\n      - echo ok\n      - echo key: value\n"))).containsExactly(
                "buildspec.yml:6:9: error: Expected Commands[1] to be of string type: found subkeys instead at "
                        + "line 6, value of the key tag on line 6 might be empty. A command containing \": \" must "
                        + "be quoted, e.g. - \"echo key: value\"");
    }

    @Test
    void finallyWithMappingAndListEntries() {
        assertThat(diagnostics(build("    commands: [a]\n    finally:\n      - echo \"x\": y\n      - [a, b]\n")))
                .containsExactly(
                        "buildspec.yml:6:9: error: Expected Finally[0] to be of string type: found subkeys instead at "
                                + "line 6, value of the key tag on line 6 might be empty. A command containing \": \" "
                                + "must be quoted, e.g. - 'echo \"x\": y'",
                        "buildspec.yml:7:9: error: Expected Finally[1] to be of string type: found a list instead at "
                                + "line 7, value of the key tag on line 7 might be empty");
    }

    @Test
    void emptyCommandEntriesAreSkippedWithAWarningAndAnEmptyStringIsAnError() {
        assertThat(diagnostics(build("    commands:\n      -\n      - ''\n      - # later\n      - make\n"))).containsExactly(
                "buildspec.yml:5:8: warning: Commands[0] in phases.build.commands has no value and is skipped",
                "buildspec.yml:6:9: error: Expected Commands[1] in phases.build.commands to be a command, found an "
                        + "empty string",
                "buildspec.yml:7:8: warning: Commands[2] in phases.build.commands has no value and is skipped");
        ParseResult skipped = parse(build("    commands:\n      -\n      - make\n"));
        assertThat(skipped.hasErrors()).isFalse();
        assertThat(skipped.buildspec().orElseThrow().phase(PhaseName.BUILD).orElseThrow().commands())
                .extracting(c -> c.text()).containsExactly("make");
        assertThat(diagnostics(build("    commands:\n"))).containsExactly(
                "buildspec.yml:4:5: error: phases.build.commands has no value; expected a list of commands");
    }

    @Test
    void aSingleStringOfCommandsRunsAsOneCommand() {
        ParseResult block = parse(build("    commands: |\n      set -e\n      make\n      make test\n"));
        assertThat(block.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "buildspec.yml:4:5: warning: phases.build.commands is one string, not a list of commands: it runs as one "
                        + "command, as a single `- |` item would (CodeBuild runs it so)");
        assertThat(block.buildspec().orElseThrow().phase(PhaseName.BUILD).orElseThrow().commands())
                .extracting(c -> c.text()).containsExactly("set -e\nmake\nmake test\n");
        assertThat(parse(build("    commands: make\n")).buildspec().orElseThrow().phase(PhaseName.BUILD).orElseThrow()
                .commands()).extracting(c -> c.text()).containsExactly("make");
        assertThat(diagnostics(build("    commands: {a: b}\n"))).containsExactly(
                "buildspec.yml:4:15: error: phases.build.commands must be a list of commands, found a mapping");
    }

    @Test
    void commandsOrFinallyAreRequiredExceptInInstall() {
        assertThat(diagnostics("version: 0.2\nphases:\n  pre_build:\n  post_build:\n    finally: [a]\n"))
                .containsExactly(
                        "buildspec.yml:3:3: error: phases.pre_build has no commands; pre_build, build and post_build "
                                + "need a commands list (or a finally block)");
        ParseResult onlyFinally = parse("version: 0.2\nphases:\n  post_build:\n    finally:\n      - aws s3 cp a b\n");
        assertThat(onlyFinally.diagnostics()).isEmpty();
        assertThat(onlyFinally.buildspec().orElseThrow().phase(PhaseName.POST_BUILD).orElseThrow().finallyCommands())
                .extracting(c -> c.text()).containsExactly("aws s3 cp a b");
        ParseResult install = parse("version: 0.2\nphases:\n  install:\n    runtime-versions:\n      java: corretto17\n"
                + "      python: 3.x\n");
        assertThat(install.diagnostics()).isEmpty();
        assertThat(install.buildspec().orElseThrow().phase(PhaseName.INSTALL).orElseThrow().runtimeVersions())
                .containsExactly(java.util.Map.entry("java", "corretto17"), java.util.Map.entry("python", "3.x"));
    }

    @Test
    void aFinallyBlockAloneIsAcceptedInInstallToo() {
        assertThat(diagnostics("version: 0.2\nphases:\n  install:\n    finally: [a]\n")).isEmpty();
    }

    @Test
    void runtimeVersionsOnlyUnderInstall() {
        assertThat(diagnostics(build("    runtime-versions:\n      java: 17\n    commands: [a]\n"))).containsExactly(
                "buildspec.yml:4:5: error: runtime-versions is only allowed in the install phase, found in build");
    }

    @Test
    void unknownPhaseKeyIsAWarning() {
        assertThat(diagnostics(build("    command: [a]\n    commands: [b]\n"))).containsExactly(
                "buildspec.yml:4:5: warning: unknown key 'command' in phases.build is ignored "
                        + "(did you mean 'commands'?)");
    }

    @Test
    void phaseRunAsAndPositions() {
        Phase p = buildPhase("    run-as: 1000\n    commands:\n      - make\n");
        assertThat(p.runAs()).contains("1000");
        assertThat(p.position()).isEqualTo(new Position(3, 3));
        assertThat(p.commands().get(0).position()).isEqualTo(new Position(6, 9));
    }

    private static OnFailure onFailure(String value) {
        return buildPhase("    on-failure: " + value + "\n    commands: [a]\n").onFailure().orElseThrow();
    }

    @Test
    void onFailureForms() {
        assertThat(onFailure("ABORT")).isEqualTo(new OnFailure(OnFailure.Mode.ABORT, 0, Optional.empty(), new Position(4, 17)));
        assertThat(onFailure("CONTINUE").mode()).isEqualTo(OnFailure.Mode.CONTINUE);
        OnFailure retry = onFailure("RETRY");
        assertThat(retry.retries()).isEqualTo(3);
        assertThat(retry.regex()).isEmpty();
        assertThat(onFailure("RETRY-5")).extracting(OnFailure::retries, OnFailure::regex).containsExactly(5, Optional.empty());
        assertThat(onFailure("RETRY-0").retries()).isZero();
        assertThat(onFailure("RETRY-100").retries()).isEqualTo(100);
        assertThat(onFailure("RETRY-.*timeout.*")).extracting(OnFailure::retries, OnFailure::regex)
                .containsExactly(3, Optional.of(".*timeout.*"));
        assertThat(onFailure("RETRY-2-exit status [0-9]+")).extracting(OnFailure::retries, OnFailure::regex)
                .containsExactly(2, Optional.of("exit status [0-9]+"));
        assertThat(onFailure("RETRY-2-1-x")).extracting(OnFailure::retries, OnFailure::regex)
                .containsExactly(2, Optional.of("1-x"));
        assertThat(onFailure("RETRY-abc-1")).extracting(OnFailure::retries, OnFailure::regex)
                .containsExactly(3, Optional.of("abc-1"));
    }

    @Test
    void onFailureErrors() {
        assertThat(diagnostics(build("    on-failure: RETRY-101\n    commands: [a]\n"))).containsExactly(
                "buildspec.yml:4:17: error: phases.build.on-failure retry count 101 is out of range: must be 0 to 100");
        assertThat(diagnostics(build("    on-failure: RETRY-99999999999999999999\n    commands: [a]\n")))
                .containsExactly("buildspec.yml:4:17: error: phases.build.on-failure retry count "
                        + "99999999999999999999 is out of range: must be 0 to 100");
        assertThat(diagnostics(build("    on-failure: RETRY-[oops\n    commands: [a]\n"))).containsExactly(
                "buildspec.yml:4:17: error: phases.build.on-failure retry regex '[oops' is invalid: "
                        + "Unclosed character class");
        assertThat(diagnostics(build("    on-failure: RETRY-3-(\n    commands: [a]\n"))).containsExactly(
                "buildspec.yml:4:17: error: phases.build.on-failure retry regex '(' is invalid: Unclosed group");
        assertThat(diagnostics(build("    on-failure: RETRY-\n    commands: [a]\n"))).containsExactly(
                "buildspec.yml:4:17: error: Invalid phases.build.on-failure value 'RETRY-'. Expecting: ABORT, "
                        + "CONTINUE, RETRY, RETRY-<count>, RETRY-<regex>, RETRY-<count>-<regex>");
    }
}
