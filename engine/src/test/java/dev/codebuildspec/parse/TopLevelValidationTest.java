package dev.codebuildspec.parse;

import static dev.codebuildspec.parse.Parse.diagnostics;
import static dev.codebuildspec.parse.Parse.parse;
import static dev.codebuildspec.parse.Parse.v02;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopLevelValidationTest {

    @Test
    void emptyDocument() {
        assertThat(diagnostics("")).containsExactly(
                "buildspec.yml:1:1: error: wrong number of container tags, expected 1: the buildspec is empty");
        assertThat(diagnostics("# only a comment\n")).hasSize(1);
    }

    @Test
    void nonMappingRoot() {
        assertThat(diagnostics("just text\n")).containsExactly(
                "buildspec.yml:1:1: error: wrong number of container tags, expected 1: the buildspec must be a "
                        + "mapping of keys (version, phases, ...), found the scalar 'just text'");
    }

    @Test
    void missingVersion() {
        assertThat(diagnostics("phases:\n  build:\n    commands: [make]\n")).containsExactly(
                "buildspec.yml:1:1: error: version is missing; a buildspec must say version: 0.2 (or 0.1)");
    }

    @Test
    void unsupportedVersion() {
        assertThat(diagnostics("version: 0.3\nphases:\n  build:\n    commands: [make]\n")).containsExactly(
                "buildspec.yml:1:10: error: version must be 0.1 or 0.2, found '0.3'");
        assertThat(diagnostics("version: [0.2]\nphases:\n  build:\n    commands: [make]\n")).containsExactly(
                "buildspec.yml:1:10: error: version must be a scalar, found a list");
    }

    @Test
    void versionIsRawText() {
        assertThat(parse(v02("")).buildspec().orElseThrow().version()).isEqualTo("0.2");
        assertThat(parse("version: \"0.1\"\nphases:\n  build:\n    commands: [make]\n").buildspec().orElseThrow()
                .isLegacyVersion()).isTrue();
    }

    @Test
    void missingPhases() {
        assertThat(diagnostics("version: 0.2\n")).containsExactly(
                "buildspec.yml:1:1: warning: phases is missing: this buildspec runs no commands of its own (CodeBuild "
                        + "runs it so; its documentation asks for a phases section)");
        assertThat(parse("version: 0.2\nartifacts:\n  files: [out.zip]\n").hasErrors()).isFalse();
        assertThat(diagnostics("version: 0.2\nphases:\n")).containsExactly(
                "buildspec.yml:2:1: error: phases has no phases; CodeBuild's documentation requires at least one "
                        + "of install, pre_build, build, post_build");
    }

    @Test
    void unknownTopLevelKeysAreWarnings() {
        ParseResult r = parse(v02("artefacts:\n  files: [a]\nnonsense: 1\n"));
        assertThat(r.hasErrors()).isFalse();
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "buildspec.yml:6:1: warning: unknown key 'artefacts' at the top level is ignored "
                        + "(did you mean 'artifacts'?)",
                "buildspec.yml:8:1: warning: unknown key 'nonsense' at the top level is ignored");
    }

    @Test
    void wrongTypeNamesKeyExpectedAndFound() {
        assertThat(diagnostics(v02("env: [a, b]\n"))).containsExactly(
                "buildspec.yml:6:6: error: env must be a mapping, found a list");
        assertThat(diagnostics("version: 0.2\nphases: build\n")).containsExactly(
                "buildspec.yml:2:9: error: phases must be a mapping, found the scalar 'build'");
    }

    @Test
    void runAsMustBeANonEmptyScalar() {
        assertThat(parse(v02("run-as: codebuild-user\n")).buildspec().orElseThrow().runAs())
                .contains("codebuild-user");
        assertThat(diagnostics(v02("run-as: ''\n"))).containsExactly(
                "buildspec.yml:6:9: error: run-as must not be empty");
        assertThat(diagnostics(v02("run-as: {a: b}\n"))).containsExactly(
                "buildspec.yml:6:9: error: run-as must be a scalar, found a mapping");
    }

    @Test
    void version02FeaturesUnderVersion01AreErrors() {
        String yaml = "version: 0.1\n"
                + "run-as: me\n"
                + "env:\n"
                + "  parameter-store:\n"
                + "    P: /p\n"
                + "  secrets-manager:\n"
                + "    S: s:k\n"
                + "  exported-variables: [X]\n"
                + "  git-credential-helper: yes\n"
                + "phases:\n"
                + "  build:\n"
                + "    run-as: me\n"
                + "    on-failure: ABORT\n"
                + "    commands: [make]\n"
                + "    finally: [cleanup]\n"
                + "reports:\n"
                + "  r:\n"
                + "    files: [a.xml]\n"
                + "batch:\n"
                + "  build-list:\n"
                + "    - identifier: a\n";
        assertThat(diagnostics(yaml)).containsExactly(
                "buildspec.yml:2:1: error: run-as needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:4:3: error: env.parameter-store needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:6:3: error: env.secrets-manager needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:8:3: error: env.exported-variables needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:9:3: error: env.git-credential-helper needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:12:5: error: phases.build.run-as needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:13:5: error: phases.build.on-failure needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:15:5: error: phases.build.finally needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:16:1: error: reports needs version 0.2 (this buildspec is version 0.1)",
                "buildspec.yml:19:1: error: batch needs version 0.2 (this buildspec is version 0.1)");
    }

    @Test
    void allErrorsAreReportedInSourceOrder() {
        String yaml = "version: 0.2\n"
                + "phases:\n"
                + "  postbuild:\n"
                + "    commands: [a]\n"
                + "  build:\n"
                + "    on-failure: NEVER\n"
                + "env:\n"
                + "  shell: zsh\n";
        assertThat(diagnostics(yaml)).containsExactly(
                "buildspec.yml:3:3: error: Invalid buildspec phase name: POSTBUILD. Expecting: "
                        + "BUILD,INSTALL,POST_BUILD,PRE_BUILD (did you mean 'post_build'?)",
                "buildspec.yml:5:3: error: phases.build has no commands; pre_build, build and post_build need a "
                        + "commands list (or a finally block)",
                "buildspec.yml:6:17: error: Invalid phases.build.on-failure value 'NEVER'. Expecting: ABORT, "
                        + "CONTINUE, RETRY, RETRY-<count>, RETRY-<regex>, RETRY-<count>-<regex>",
                "buildspec.yml:8:10: error: env.shell must be one of sh, /bin/sh, bash, /bin/bash, found 'zsh'");
    }
}
