package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command as users install it: scripts/install.sh into a prefix, then `codebuild-spec` through its link. */
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path tmp;

    private static String run(Path cwd, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("hang guard").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theInstalledCommandRunsFromAnyDirectoryWithItsClassDataArchive() throws Exception {
        Path prefix = tmp.resolve("prefix");
        String installed = run(ROOT, List.of(ROOT.resolve("scripts/install.sh").toString(), prefix.toString()));
        assertThat(installed).contains("install: codebuild-spec", "export PATH=\"" + prefix.resolve("bin") + ":$PATH\"");
        assertThat(prefix.resolve("lib/codebuild-spec/lib/codebuild-spec.jsa")).isRegularFile();

        Path elsewhere = Files.createDirectories(tmp.resolve("some/other/dir"));
        Path command = prefix.resolve("bin/codebuild-spec");
        assertThat(run(elsewhere, List.of(command.toString(), "--version"))).startsWith("codebuild-spec ");
        Files.writeString(elsewhere.resolve("buildspec.yml"), "version: 0.2\nphases:\n  build:\n    commands: [echo hi]\n");
        assertThat(run(elsewhere, List.of(command.toString(), "validate"))).contains("valid buildspec");
    }
}
