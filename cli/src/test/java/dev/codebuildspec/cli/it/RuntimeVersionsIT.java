package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runtime-versions} against a real image that ships a runtimes file, one that does not, and --runtimes. */
class RuntimeVersionsIT {
    private static final String NODE = """
            version: 0.2
            env:
              variables:
                NODE_WANTED: hydrogen
            phases:
              install:
                runtime-versions:
                  nodejs: %s
                  python: 3.x
                commands:
                  - echo "install sees $NODE_HOME"
              build:
                commands:
                  - echo "build sees $NODE_HOME $PYTHON_HOME"
            """;

    @TempDir
    Path tmp;

    private CliResult run(String version, String image, String... args) {
        return new Workspace(tmp).buildspec(NODE.formatted(version)).args(args).run(image);
    }

    @Test
    void aSelectedVersionsCommandsRunFirstInInstallAndTheirStateCarriesOn() {
        CliResult r = run("18", RuntimesImage.ensure());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.log()).contains("[Container] Selecting 'nodejs' runtime version '18' based on manual selections...",
                "[Container] Selecting 'python' runtime version '3.x' based on manual selections...",
                "[Container] Running command echo \"Installing Node.js version 18 ...\"",
                "[Container] Running command export NODE_HOME=/opt/node-18");
        assertThat(r.log().indexOf("Selecting 'nodejs'")).isLessThan(r.log().indexOf("Phase complete: DOWNLOAD_SOURCE"));
        assertThat(r.log().indexOf("Running command export NODE_HOME")).isGreaterThan(r.log().indexOf("Entering phase INSTALL"))
                .isLessThan(r.log().indexOf("Running command echo \"install sees"));
        assertThat(r.commandOutput()).contains("Installing Node.js version 18 ...", "install sees /opt/node-18",
                "build sees /opt/node-18 /opt/python-3.12");
    }

    @Test
    void anAliasAVariableAndTheDefaultEntry() {
        assertThat(run("$NODE_WANTED", RuntimesImage.ensure()).commandOutput()).contains("build sees /opt/node-18 /opt/python-3.12");
        CliResult custom = run("22.1", RuntimesImage.ensure());
        assertThat(custom.commandOutput()).contains("Installing custom Node.js version 22.1 ...",
                "build sees /opt/node-22.1 /opt/python-3.12");
    }

    @Test
    void anUnknownVersionFailsDownloadSourceAndLeavesNoContainer() {
        CliResult r = run("16.x", RuntimesImage.ensure());

        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.phaseStatuses()).containsEntry("DOWNLOAD_SOURCE", "FAILED").doesNotContainKey("INSTALL");
        assertThat(r.log()).contains("Phase context status code: YAML_FILE_ERROR Message: Unknown runtime version "
                + "named '16.x' of nodejs. This build image has the following versions: 18, 20");
        assertThat(Docker.containers(Docker.BUILD_ID, r.record().get("id").getAsString())).isEmpty();
    }

    @Test
    void anImageWithoutARuntimesFileSaysSoAndTheBuildGoesOn() {
        CliResult r = run("18", TestImages.BUSYBOX);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.log()).contains("[Container] Skipping install of runtimes. Runtime version selection is not "
                + "supported by this build image").doesNotContain("Selecting 'nodejs'");
        assertThat(r.commandOutput()).contains("build sees  ");
    }

    @Test
    void aRuntimesFileOfTheUsersOwnSelectsOnAnyImage() throws Exception {
        Path file = tmp.resolve("team-runtimes.yml");
        Files.writeString(file, RuntimesImage.FILE.replace("/opt/node-20", "/team/node-20"));
        CliResult r = run("20", TestImages.BUSYBOX, "--runtimes", file.toString());

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).contains("build sees /team/node-20 /opt/python-3.12");

        // Every failure of a runtimes file of one's own is DOWNLOAD_SOURCE's, with a record, before any container.
        Files.writeString(file, RuntimesImage.FILE);
        CliResult unknown = run("16.x", TestImages.BUSYBOX, "--runtimes", file.toString());
        assertThat(unknown.exit()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.log()).contains("Phase context status code: YAML_FILE_ERROR Message: Unknown runtime version "
                + "named '16.x' of nodejs. The runtimes file " + file + " has the following versions: 18, 20 "
                + "(phases.install.runtime-versions at buildspec.yml:")
                .doesNotContain("Pulling image", "Moving to directory");

        Files.writeString(file, "runtimes:\n  nodejs: [1]\n");
        CliResult bad = run("20", TestImages.BUSYBOX, "--runtimes", file.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.phaseStatuses()).containsEntry("DOWNLOAD_SOURCE", "FAILED");
        assertThat(bad.log()).contains("CLIENT_ERROR Message: runtimes file " + file + ":2:11: nodejs must be a mapping");

        CliResult missing = run("20", TestImages.BUSYBOX, "--runtimes", tmp.resolve("nope.yml").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.log()).contains("CLIENT_ERROR Message: runtimes file " + tmp.resolve("nope.yml") + ": stat "
                + tmp.resolve("nope.yml") + ": no such file or directory");
    }
}
