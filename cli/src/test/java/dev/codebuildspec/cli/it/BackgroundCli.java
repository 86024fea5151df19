package dev.codebuildspec.cli.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A CLI process started in the background, to signal it or sample the machine while it runs. */
final class BackgroundCli implements AutoCloseable {
    private final Process process;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Thread pump;

    BackgroundCli(List<String> command, Path dir, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            process = pb.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pump = new Thread(() -> Cli.copy(process.getInputStream(), out));
        pump.start();
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Waits until the output contains {@code text}. */
    void awaitOutput(String text, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!output().contains(text)) {
            if (System.nanoTime() > end || !process.isAlive()) {
                throw new AssertionError("no '" + text + "' in the output:\n" + output());
            }
            Thread.sleep(50);
        }
    }

    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
    }

    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the CLI did not end within " + limit + ":\n" + output());
        }
        pump.join();
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
