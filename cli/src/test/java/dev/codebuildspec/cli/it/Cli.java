package dev.codebuildspec.cli.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged CLI jar as a separate process, as a user would. */
public final class Cli {
    public static final Path JAR = jar();
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static Path sharedJar;

    private Cli() {
    }

    private static Path jar() {
        Path p = TestImages.repositoryRoot().resolve("cli/target/codebuild-spec.jar");
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: run 'mvn package' first");
        }
        return p;
    }

    public static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * The jar where any user may read it. A checkout may sit where only its owner can search (under
     * /root, in a mktemp -d folder), and the tests that run the CLI as another uid must not depend on that.
     */
    public static synchronized Path jarForAnyUser() {
        if (sharedJar == null) {
            try {
                Path dir = Files.createTempDirectory("codebuild-spec-cli-");
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                Path copy = Files.copy(JAR, dir.resolve("codebuild-spec.jar"));
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                copy.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                sharedJar = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sharedJar;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static CliResult run(Path dir, Map<String, String> env, String... args) {
        return run(dir, env, null, args);
    }

    /** Runs {@code codebuild-spec args...} in {@code dir}; {@code record} is read back when given. */
    public static CliResult run(Path dir, Map<String, String> env, Path record, String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread pump = new Thread(() -> copy(p.getInputStream(), out));
            pump.start();
            if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("codebuild-spec did not finish within " + LIMIT + ": " + out);
            }
            pump.join();
            String json = record != null && Files.exists(record) ? Files.readString(record) : null;
            return new CliResult(p.exitValue(), out.toByteArray(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process is gone
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
