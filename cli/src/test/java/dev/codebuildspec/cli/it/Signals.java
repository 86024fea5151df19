package dev.codebuildspec.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The signal dispositions the CLI inherits from the test JVM. A job started in the background by a
 * non-interactive shell ignores SIGINT, and an ignored signal stays ignored across exec: the CLI then
 * rightly keeps it, and a test that sends SIGINT would wait in vain.
 */
final class Signals {
    private Signals() {
    }

    static boolean ignoredByThisJvm(String name) {
        int number = switch (name) {
            case "INT" -> 2;
            case "QUIT" -> 3;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException(name);
        };
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return new BigInteger(line.substring(7).trim(), 16).testBit(number - 1);
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code command}, started with {@code signal} back at its default disposition when the test JVM ignores
     * it (coreutils' {@code env --default-signal}); empty when that cannot be done here.
     */
    static java.util.Optional<List<String>> withDefault(String signal, List<String> command) {
        if (!ignoredByThisJvm(signal)) {
            return java.util.Optional.of(command);
        }
        try {
            Process p = new ProcessBuilder("env", "--default-signal=" + signal, "true").redirectErrorStream(true).start();
            if (p.waitFor() != 0) {
                return java.util.Optional.empty();
            }
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
        List<String> wrapped = new ArrayList<>(List.of("env", "--default-signal=" + signal));
        wrapped.addAll(command);
        return java.util.Optional.of(wrapped);
    }
}
