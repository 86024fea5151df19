package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How commands run: 0.2 state carry-over, 0.1 isolation, block scalars, stdin, background jobs, shells, run-as. */
class ShellStateIT {
    private static final String SHELLS = "dev.codebuildspec.cli.it.Images#shells";

    @ParameterizedTest
    @MethodSource(SHELLS)
    void v02CarriesDirectoryAndVariablesAcrossCommandsAndPhases(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  install:
                    commands:
                      - mkdir -p sub/dir && cd sub
                      - echo "install pwd=${PWD#$CODEBUILD_SRC_DIR}"
                      - PLAIN=one; export EXPORTED=two
                      - echo "install PLAIN=$PLAIN EXPORTED=$EXPORTED"
                  pre_build:
                    commands:
                      - cd dir
                  build:
                    commands:
                      - echo "build pwd=${PWD#$CODEBUILD_SRC_DIR} PLAIN=$PLAIN EXPORTED=$EXPORTED"
                      - PLAIN="$PLAIN changed"
                  post_build:
                    commands:
                      - echo "post_build pwd=${PWD#$CODEBUILD_SRC_DIR} PLAIN=$PLAIN"
                      - sh -c 'echo "child PLAIN=${PLAIN-unset} EXPORTED=${EXPORTED-unset}"'
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly(
                "install pwd=/sub",
                "install PLAIN=one EXPORTED=two",
                "build pwd=/sub/dir PLAIN=one EXPORTED=two",
                "post_build pwd=/sub/dir PLAIN=one changed",
                // What was exported stays exported, what was not stays a shell variable.
                "child PLAIN=unset EXPORTED=two");
    }

    /** 0.2 promises one shell's state across commands and phases: an unset is state too. */
    @ParameterizedTest
    @MethodSource(SHELLS)
    void unsetCarriesOverToTheNextCommandsAndPhases(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  variables:
                    FROM_ENV: e
                phases:
                  build:
                    commands:
                      - A=1; export B=2; C='multi
                        PATH=not-a-name'
                      - unset A B FROM_ENV; echo "same command A=${A-unset} B=${B-unset}"
                      - echo "next command A=${A-unset} B=${B-unset} C-set=${C+yes} FROM_ENV=${FROM_ENV-unset}"
                      - sh -c 'echo "child B=${B-unset} FROM_ENV=${FROM_ENV-unset}"'; exit 3
                    finally:
                      - unset C; echo "finally C=${C-unset}"
                  post_build:
                    commands:
                      - echo "post C=${C-unset} PATH-kept=$([ -n "$PATH" ] && echo yes)"
                """).run(image);

        assertThat(r.commandOutput()).containsExactly("same command A=unset B=unset",
                "next command A=unset B=unset C-set=yes FROM_ENV=unset", "child B=unset FROM_ENV=unset",
                "finally C=unset", "post C=unset PATH-kept=yes");
    }

    @ParameterizedTest
    @MethodSource(SHELLS)
    void exitInACommandFailsThatCommandOnly(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo before; exit 3; echo same command
                      - echo next command
                    finally:
                      - echo finally
                  post_build:
                    commands:
                      - echo post_build
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.commandOutput()).containsExactly("before", "finally", "post_build");
        assertThat(Logs.agent(r)).contains("Command did not exit successfully echo before; exit 3; echo same command"
                + " exit status 3");
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED").containsEntry("POST_BUILD", "SUCCEEDED")
                .containsEntry("FINALIZING", "SUCCEEDED");
    }

    @ParameterizedTest
    @MethodSource(SHELLS)
    void aBlockScalarIsOneCommandWithTheScriptsStatus(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  pre_build:
                    commands:
                      - |
                        echo block one
                        false
                        echo block one end
                  build:
                    commands:
                      - |
                        set -e
                        echo block two
                        sh -c 'exit 6'
                        echo not reached
                  post_build:
                    commands:
                      - |
                        echo block three
                        sh -c 'exit 2'
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        // The last command decides: a failure in the middle does not count without set -e.
        assertThat(r.phaseStatuses()).containsEntry("PRE_BUILD", "SUCCEEDED")
                .containsEntry("BUILD", "FAILED").containsEntry("POST_BUILD", "FAILED");
        // (Multi-line "Running command" lines continue over several lines: keep the output lines only.)
        assertThat(r.commandOutput()).filteredOn(l -> l.startsWith("block "))
                .containsExactly("block one", "block one end", "block two", "block three");
        assertThat(r.commandOutput()).doesNotContain("not reached");
        assertThat(r.log()).contains("[Container] Running command echo block one\nfalse\necho block one end\n");
        assertThat(Logs.agent(r)).filteredOn(l -> l.startsWith("Running command")).hasSize(3);
        assertThat(Logs.contextMessage(r, "BUILD")).isEqualTo(
                "Error while executing command: set -e\necho block two\nsh -c 'exit 6'\necho not reached."
                        + " Reason: exit status 6");
        assertThat(Logs.contextMessage(r, "POST_BUILD")).endsWith("Reason: exit status 2");
    }

    @ParameterizedTest
    @MethodSource(SHELLS)
    void stdinIsAtEofAndNotATerminal(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - read x; echo "read status $? x=[$x]"
                      - cat; echo cat returned
                      - if test -t 0; then echo stdin is a tty; else echo stdin is not a tty; fi
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("read status 1 x=[]", "cat returned", "stdin is not a tty");
    }

    @ParameterizedTest
    @MethodSource(SHELLS)
    void backgroundProcessesNeverHoldTheBuildOpen(String image, @TempDir Path tmp) {
        long start = System.nanoTime();
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - nohup sleep 300 &
                      - sleep 300 &
                      - echo after the background jobs
                  post_build:
                    commands:
                      - (sleep 300; echo late) &
                """).run(image);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.buildStatus()).isEqualTo("SUCCEEDED");
        assertThat(r.commandOutput()).contains("after the background jobs").doesNotContain("late");
        assertThat(took).as("the build waited for its background jobs (300 s)").isLessThan(Duration.ofSeconds(150));
    }

    @ParameterizedTest
    @MethodSource(SHELLS)
    void v01RunsEveryCommandFreshInTheSourceDirectory(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.1
                phases:
                  install:
                    commands:
                      - mkdir -p sub && cd sub && PLAIN=one && export EXPORTED=two
                      - echo "install at-src=$([ "$PWD" = "$CODEBUILD_SRC_DIR" ] && echo yes) PLAIN=${PLAIN-unset} EXPORTED=${EXPORTED-unset}"
                  build:
                    commands:
                      - cd /tmp; V=1
                      - echo "build at-src=$([ "$PWD" = "$CODEBUILD_SRC_DIR" ] && echo yes) V=${V-unset}"
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly(
                "install at-src=yes PLAIN=unset EXPORTED=unset",
                "build at-src=yes V=unset");
    }

    @ParameterizedTest
    @MethodSource(SHELLS)
    void theDefaultShellIsTheImagesSh(String image, @TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - readlink /proc/$$/exe
                      - echo "bash=${BASH_VERSION:-none}"
                """).run(image);

        assertThat(r.exit()).as(r.toString()).isZero();
        String expected = image.equals(TestImages.DEBIAN) ? "/usr/bin/dash" : "/bin/busybox";
        assertThat(r.commandOutput()).containsExactly(expected, "bash=none");
    }

    @Test
    void envShellBashRunsBash(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  shell: bash
                phases:
                  build:
                    commands:
                      - readlink /proc/$$/exe
                      - '[ -n "$BASH_VERSION" ] && echo bash is set'
                      - arr=(a b c); echo "${arr[1]} ${#arr[@]}"
                      - B=[[x]]; [[ $B == *x* ]] && echo double brackets
                """).run(TestImages.DEBIAN);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("/usr/bin/bash", "bash is set", "b 3", "double brackets");
    }

    @Test
    void envShellBashOnAnImageWithoutBashFailsClearly(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  shell: bash
                phases:
                  build:
                    commands:
                      - echo should not run
                """).run(TestImages.BUSYBOX);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(r.output()).contains("env/shell is bash, but the image " + TestImages.BUSYBOX + " has no bash")
                .doesNotContain("should not run");
        assertThat(r.phaseStatuses()).containsExactly(
                java.util.Map.entry("DOWNLOAD_SOURCE", "FAILED"), java.util.Map.entry("FINALIZING", "SUCCEEDED"));
    }

    @Test
    void topLevelRunAsRunsEveryPhaseAsThatUser(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                run-as: codebuild-user
                phases:
                  install:
                    commands:
                      - echo "install $(id -un)"
                  build:
                    commands:
                      - echo "build $(id -un)"
                      - cd /tmp && V=carried
                      - echo "next command $(id -un) $PWD $V"
                """).run(TestImages.DEBIAN);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("install codebuild-user", "build codebuild-user",
                "next command codebuild-user /tmp carried");
    }

    @Test
    void perPhaseRunAsAppliesToThatPhaseOnlyAndStateCarriesAcrossTheBoundary(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  install:
                    commands:
                      - echo "install $(id -un)"
                      - ROOT_SET=from-root; export ROOT_EXPORTED=yes; cd /tmp
                  build:
                    run-as: codebuild-user
                    commands:
                      - echo "build $(id -un) $PWD $ROOT_SET $ROOT_EXPORTED"
                      - USER_SET=from-user; cd /
                  post_build:
                    commands:
                      - echo "post_build $(id -un) $PWD $USER_SET $ROOT_SET"
                """).run(TestImages.DEBIAN);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("install root",
                "build codebuild-user /tmp from-root yes",
                "post_build root / from-user from-root");
    }

    @Test
    void aRunAsCommandThatFailsFailsThePhase(@TempDir Path tmp) {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    run-as: codebuild-user
                    commands:
                      - touch /root/not-allowed
                """).run(TestImages.DEBIAN);

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.phaseStatuses()).containsEntry("BUILD", "FAILED");
        assertThat(r.output()).contains("Permission denied");
    }
}
