package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's environment: buildspec variables, overrides, the CODEBUILD_ prefix, built-ins, exported variables. */
class EnvironmentIT {
    private static final String IMAGE = TestImages.BUSYBOX;

    /** NAME=value lines printed by {@code env} inside the build, as a map. */
    private static Map<String, String> envOf(CliResult r) {
        Map<String, String> m = new HashMap<>();
        for (String l : r.commandOutput()) {
            if (l.startsWith("ENV ") && l.contains("=")) {
                m.put(l.substring(4, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
            }
        }
        return m;
    }

    @Test
    void buildspecVariablesAreLiteral(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  variables:
                    WITH_DOLLAR: $PATH:/x
                    DECIMAL: 1.10
                    YES_WORD: yes
                    OCTAL: 0777
                    QUOTED: "$(echo nope)"
                phases:
                  build:
                    commands:
                      - printf '%s|%s|%s|%s|%s\\n' "$WITH_DOLLAR" "$DECIMAL" "$YES_WORD" "$OCTAL" "$QUOTED"
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("$PATH:/x|1.10|yes|0777|$(echo nope)");
    }

    @Test
    void imageVariablesAreVisibleWhenTheBuildspecDoesNotSetThem(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "IMAGE_VAR=$IMAGE_VAR"
                """).run(TestImages.BUSYBOX_ENV);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("IMAGE_VAR=from-image");
    }

    @Test
    void buildspecVariablesReplaceImageValues(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  variables:
                    IMAGE_VAR: from-buildspec
                    PATH: /bin:/usr/bin
                phases:
                  build:
                    commands:
                      - echo "IMAGE_VAR=$IMAGE_VAR PATH=$PATH"
                """).run(TestImages.BUSYBOX_ENV);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("IMAGE_VAR=from-buildspec PATH=/bin:/usr/bin");
    }

    @Test
    void commandLineOverridesWinOverTheBuildspec(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  variables:
                    A: from-buildspec
                    B: from-buildspec
                phases:
                  build:
                    commands:
                      - echo "A=$A B=$B C=$C IMAGE_VAR=$IMAGE_VAR"
                """).args("--env", "A=from-cli", "--env", "C=only cli $HOME", "--env", "IMAGE_VAR=cli")
                .run(TestImages.BUSYBOX_ENV);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("A=from-cli B=from-buildspec C=only cli $HOME IMAGE_VAR=cli");
    }

    @Test
    void aCommandLineOverrideWithTheCodebuildPrefixIsAUsageError(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo hi
                """).args("--env", "CODEBUILD_X=1").run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.output()).contains("CODEBUILD_").doesNotContain("Entering phase");
    }

    @Test
    void aBuildspecVariableWithTheCodebuildPrefixIsAYamlFileError(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  variables:
                    CODEBUILD_MINE: x
                phases:
                  build:
                    commands:
                      - echo hi
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.phaseStatuses()).containsExactly(Map.entry("DOWNLOAD_SOURCE", "FAILED"),
                Map.entry("FINALIZING", "SUCCEEDED"));
        assertThat(Logs.contextCode(r, "DOWNLOAD_SOURCE")).isEqualTo("YAML_FILE_ERROR");
        assertThat(Logs.contextMessage(r, "DOWNLOAD_SOURCE")).startsWith("buildspec.yml:4:").contains("CODEBUILD_MINE");
    }

    @Test
    void builtInVariablesAreSetAndSane(@TempDir Path tmp) {
        long before = System.currentTimeMillis();
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - env | grep -E '^(CODEBUILD_|HOME=)' | sed 's/^/ENV /'
                      - echo "ENV PWD_AT_START=$PWD"
                      - touch "$HOME/written" && echo "ENV HOME_WRITABLE=yes"
                """).args("--build-number", "7", "--project", "my-project");
        CliResult r = ws.run(IMAGE);
        long after = System.currentTimeMillis();

        assertThat(r.exit()).as(r.toString()).isZero();
        Map<String, String> env = envOf(r);
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
        assertThat(env.get("CODEBUILD_BUILD_ID")).matches("my-project:" + uuid);
        assertThat(env.get("CODEBUILD_BUILD_ARN"))
                .matches("arn:aws:codebuild:[^:]+:[0-9]+:build/" + java.util.regex.Pattern.quote(env.get("CODEBUILD_BUILD_ID")));
        assertThat(env.get("CODEBUILD_BUILD_NUMBER")).isEqualTo("7");
        assertThat(env.get("CODEBUILD_SRC_DIR")).startsWith("/").isEqualTo(env.get("PWD_AT_START"));
        assertThat(Long.parseLong(env.get("CODEBUILD_START_TIME"))).isBetween(before, after);
        assertThat(env.get("CODEBUILD_INITIATOR")).isNotBlank();
        assertThat(env.get("CODEBUILD_BUILD_SUCCEEDING")).isEqualTo("1");
        assertThat(env.get("CODEBUILD_BUILD_IMAGE")).isEqualTo(IMAGE);
        assertThat(env.get("HOME")).isNotBlank();
        assertThat(env.get("HOME_WRITABLE")).isEqualTo("yes");
        // Not a git checkout: no source version.
        assertThat(env).doesNotContainKeys("CODEBUILD_RESOLVED_SOURCE_VERSION", "CODEBUILD_SOURCE_VERSION");
        assertThat(r.record().get("id").getAsString()).isEqualTo(env.get("CODEBUILD_BUILD_ID"));
        assertThat(Logs.agent(r)).contains("CODEBUILD_SRC_DIR=" + env.get("CODEBUILD_SRC_DIR"));
    }

    @Test
    void sourceVersionIsTheCommitOfAGitCheckout(@TempDir Path tmp) throws Exception {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "ENV RESOLVED=$CODEBUILD_RESOLVED_SOURCE_VERSION"
                      - echo "ENV SOURCE=$CODEBUILD_SOURCE_VERSION"
                """);
        git(ws.src(), "init", "-q");
        git(ws.src(), "add", "buildspec.yml");
        git(ws.src(), "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "initial");
        String commit = git(ws.src(), "rev-parse", "HEAD").trim();

        CliResult r = ws.run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(commit).matches("[0-9a-f]{40}");
        assertThat(envOf(r)).containsEntry("RESOLVED", commit).containsEntry("SOURCE", commit);
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "safe.directory=*"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git " + args[0] + ": " + out).isZero();
        return out;
    }

    @Test
    void exportedVariablesAreCapturedIntoTheRecord(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  exported-variables:
                    - SPACES
                    - NEWLINES
                    - UNICODE
                    - CHANGED
                    - NEVER_SET
                    - FROM_BUILDSPEC
                    - EMPTY
                  variables:
                    FROM_BUILDSPEC: literal $x
                phases:
                  install:
                    commands:
                      - SPACES="  a  b  "
                  build:
                    commands:
                      - NEWLINES="$(printf 'line1\\nline2\\n\\nline4')"
                      - UNICODE="héllo wörld ✓ 🚀"
                      - CHANGED=first
                      - EMPTY=
                  post_build:
                    commands:
                      - CHANGED=last
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isZero();
        Map<String, String> exported = r.exported();
        assertThat(exported).containsEntry("SPACES", "  a  b  ")
                .containsEntry("NEWLINES", "line1\nline2\n\nline4")
                .containsEntry("UNICODE", "héllo wörld ✓ 🚀")
                .containsEntry("CHANGED", "last")
                .containsEntry("FROM_BUILDSPEC", "literal $x")
                .containsEntry("EMPTY", "")
                .doesNotContainKey("NEVER_SET");
    }

    @Test
    void exportedVariablesKeepTheirLastValueWhenPostBuildRunsAfterAFailure(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  exported-variables:
                    - RESULT
                phases:
                  build:
                    commands:
                      - RESULT=building
                      - "false"
                  post_build:
                    commands:
                      - RESULT="post_build saw $CODEBUILD_BUILD_SUCCEEDING"
                """).run(IMAGE);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.exported()).containsExactly(Map.entry("RESULT", "post_build saw 0"));
    }
}
