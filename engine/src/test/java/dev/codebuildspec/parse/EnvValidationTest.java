package dev.codebuildspec.parse;

import static dev.codebuildspec.parse.Parse.diagnostics;
import static dev.codebuildspec.parse.Parse.parse;
import static dev.codebuildspec.parse.Parse.v02;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.EnvSection;
import org.junit.jupiter.api.Test;

class EnvValidationTest {

    private static EnvSection env(String yaml) {
        ParseResult r = parse(yaml);
        assertThat(r.errors()).isEmpty();
        return r.buildspec().orElseThrow().env();
    }

    @Test
    void shellsAreNormalised() {
        assertThat(env(v02("env:\n  shell: /bin/bash\n")).shell()).isEqualTo("bash");
        assertThat(env(v02("env:\n  shell: bash\n")).shell()).isEqualTo("bash");
        assertThat(env(v02("env:\n  shell: /bin/sh\n")).shell()).isEqualTo("sh");
        assertThat(env(v02("")).shell()).isEqualTo("sh");
    }

    @Test
    void windowsAndOtherShellsAreErrors() {
        assertThat(diagnostics(v02("env:\n  shell: powershell.exe\n"))).containsExactly(
                "buildspec.yml:7:10: error: env.shell 'powershell.exe' is a Windows shell; Windows shells are not "
                        + "supported (use sh or bash)");
        assertThat(diagnostics(v02("env:\n  shell: cmd.exe\n"))).hasSize(1);
        assertThat(diagnostics(v02("env:\n  shell: /usr/bin/zsh\n"))).containsExactly(
                "buildspec.yml:7:10: error: env.shell must be one of sh, /bin/sh, bash, /bin/bash, found '/usr/bin/zsh'");
    }

    @Test
    void variableNamesMustBeIdentifiers() {
        assertThat(diagnostics(v02("env:\n  variables:\n    MY-VAR: x\n    1ABC: y\n"))).containsExactly(
                "buildspec.yml:8:5: error: invalid environment variable name 'MY-VAR' in env.variables: use "
                        + "letters, digits and underscores, not starting with a digit",
                "buildspec.yml:9:5: error: invalid environment variable name '1ABC' in env.variables: use "
                        + "letters, digits and underscores, not starting with a digit");
    }

    @Test
    void codebuildPrefixIsReserved() {
        assertThat(diagnostics(v02("env:\n  parameter-store:\n    CODEBUILD_X: /p\n"))).containsExactly(
                "buildspec.yml:8:5: error: No user environment variables can start with CODEBUILD_: CODEBUILD_X "
                        + "in env.parameter-store");
    }

    @Test
    void sameNameInTwoMapsNamesBothPositions() {
        assertThat(diagnostics(v02("env:\n  variables:\n    TOKEN: a\n  secrets-manager:\n    TOKEN: s:k\n")))
                .containsExactly("buildspec.yml:10:5: error: environment variable TOKEN is defined in both "
                        + "env.variables at 8:5 and env.secrets-manager at 10:5");
    }

    @Test
    void valuesMustBeScalars() {
        assertThat(diagnostics(v02("env:\n  variables:\n    A: [1, 2]\n"))).containsExactly(
                "buildspec.yml:8:8: error: env.variables.A must be a scalar, found a list");
        assertThat(diagnostics(v02("env:\n  variables: [A]\n"))).containsExactly(
                "buildspec.yml:7:14: error: env.variables must be a mapping, found a list");
    }

    @Test
    void emptyValueIsEmptyStringWithWarningButReferencesNeedOne() {
        ParseResult r = parse(v02("env:\n  variables:\n    EMPTY:\n"));
        assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "buildspec.yml:8:5: warning: env.variables.EMPTY has no value; using the empty string");
        assertThat(r.buildspec().orElseThrow().env().variables().get("EMPTY").value()).isEmpty();
        assertThat(diagnostics(v02("env:\n  parameter-store:\n    P:\n"))).containsExactly(
                "buildspec.yml:8:5: error: env.parameter-store.P has no value; expected the name of what to fetch");
    }

    @Test
    void exportedVariables() {
        assertThat(env(v02("env:\n  exported-variables:\n    - IMAGE_TAG\n    - RESULT\n")).exportedVariables())
                .containsExactly("IMAGE_TAG", "RESULT");
        assertThat(diagnostics(v02("env:\n  exported-variables: [AWS_REGION, bad-name]\n"))).containsExactly(
                "buildspec.yml:7:24: warning: env.exported-variables: AWS_REGION is not exported: names starting "
                        + "with AWS_ cannot be exported",
                "buildspec.yml:7:36: error: invalid variable name 'bad-name' in env.exported-variables: use "
                        + "letters, digits and underscores, not starting with a digit");
    }

    @Test
    void secretsAndAwsNamesAreNotExportedAndTheBuildGoesOn() {
        String yaml = v02("env:\n  parameter-store:\n    DB_PASS: /app/db\n  secrets-manager:\n    TOKEN: prod/api:token\n"
                + "  exported-variables: [DB_PASS, TOKEN, AWS_REGION, IMAGE_TAG]\n");
        assertThat(env(yaml).exportedVariables()).containsExactly("IMAGE_TAG");
        assertThat(diagnostics(yaml)).containsExactly(
                "buildspec.yml:11:24: warning: env.exported-variables: DB_PASS is not exported: it is a secret "
                        + "(parameter-store or secrets-manager), and secrets are never exported",
                "buildspec.yml:11:33: warning: env.exported-variables: TOKEN is not exported: it is a secret "
                        + "(parameter-store or secrets-manager), and secrets are never exported",
                "buildspec.yml:11:40: warning: env.exported-variables: AWS_REGION is not exported: names starting "
                        + "with AWS_ cannot be exported");
    }

    @Test
    void gitCredentialHelperIsABoolean() {
        assertThat(env(v02("env:\n  git-credential-helper: YES\n")).gitCredentialHelper()).isTrue();
        assertThat(env(v02("env:\n  git-credential-helper: off\n")).gitCredentialHelper()).isFalse();
        assertThat(diagnostics(v02("env:\n  git-credential-helper: maybe\n"))).containsExactly(
                "buildspec.yml:7:26: error: env.git-credential-helper must be a boolean (yes/no, true/false, on/off), "
                        + "found the scalar 'maybe'");
    }

    @Test
    void legacyEnvironmentVariables() {
        String v01 = "version: 0.1\nenvironment_variables:\n  plaintext:\n    JAVA_HOME: /usr/lib/jvm\n"
                + "phases:\n  build:\n    commands: [make]\n";
        ParseResult r = parse(v01);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.buildspec().orElseThrow().env().variables().get("JAVA_HOME").value()).isEqualTo("/usr/lib/jvm");
        assertThat(env("version: 0.1\nenv:\n  variables:\n    A: b\nphases:\n  build:\n    commands: [make]\n")
                .variables()).containsKey("A");
        ParseResult deprecated = parse(v02("environment_variables:\n  plaintext:\n    A: b\n"));
        assertThat(deprecated.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "buildspec.yml:6:1: warning: environment_variables is deprecated since version 0.2; use "
                        + "env.variables instead (still honoured)");
        assertThat(deprecated.buildspec().orElseThrow().env().variables()).containsKey("A");
    }

    @Test
    void unknownEnvKeyIsAWarning() {
        assertThat(diagnostics(v02("env:\n  variable:\n    A: b\n"))).containsExactly(
                "buildspec.yml:7:3: warning: unknown key 'variable' in env is ignored (did you mean 'variables'?)");
    }
}
