package dev.codebuildspec.cli.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks the real Docker daemon what exists, to check what the CLI left behind. */
final class Docker {
    static final String OWNER = "io.jenkins.codebuildspec.owner";
    static final String BUILD_ID = "io.jenkins.codebuildspec.build-id";

    private Docker() {
    }

    /** Ids of all containers (running or not) with {@code label=value}. */
    static List<String> containers(String label, String value) {
        return lines(docker("ps", "-a", "-q", "--no-trunc", "--filter", "label=" + label + "=" + value));
    }

    /** Owner label values of all our containers. */
    static List<String> owners() {
        return lines(docker("ps", "-a", "--format", "{{.Label \"" + OWNER + "\"}}", "--filter", "label=" + OWNER));
    }

    static String docker(String... args) {
        return dockerWithInput(null, args);
    }

    /** {@code docker args...} with {@code stdin} (or nothing) as its input; stdout and stderr together. */
    static String dockerWithInput(String stdin, String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            p.getInputStream().transferTo(out);
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("docker " + String.join(" ", args) + " hung");
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
