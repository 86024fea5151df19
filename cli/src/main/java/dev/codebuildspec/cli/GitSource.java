package dev.codebuildspec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The git commit of the source tree, for CODEBUILD_RESOLVED_SOURCE_VERSION, when it is a checkout. */
record GitSource(Optional<String> commit) {
    static GitSource of(Path src) {
        if (!Files.exists(src.resolve(".git"))) {
            return new GitSource(Optional.empty());
        }
        try {
            Process p = new ProcessBuilder("git", "-C", src.toString(), "rev-parse", "--verify", "-q", "HEAD")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new GitSource(Optional.empty());
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return new GitSource(p.exitValue() == 0 && out.matches("[0-9a-f]{40,64}") ? Optional.of(out) : Optional.empty());
        } catch (IOException e) {
            return new GitSource(Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new GitSource(Optional.empty());
        }
    }
}
