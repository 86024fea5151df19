package dev.codebuildspec.cli.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The CLI at a real terminal: a pseudo-terminal made by util-linux {@code script}, whose line discipline
 * turns a typed Ctrl-C into SIGINT for the whole foreground process group, as a person's terminal does.
 */
final class TerminalCli implements AutoCloseable {
    private static final byte CTRL_C = 3;

    private final Process process;
    private final OutputStream keyboard;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread pump;

    TerminalCli(List<String> command, Path dir) {
        this(command, dir, java.util.Map.of());
    }

    TerminalCli(List<String> command, Path dir, java.util.Map<String, String> env) {
        String line = "exec " + command.stream().map(TerminalCli::quote).collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder("script", "--quiet", "--flush", "--return", "--command", line,
                "/dev/null").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("SHELL", "/bin/sh");
        pb.environment().putAll(env);
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keyboard = process.getOutputStream();
        pump = new Thread(() -> Cli.copy(process.getInputStream(), screen));
        pump.start();
    }

    static boolean available() {
        try {
            return new ProcessBuilder("script", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    void awaitScreen(String text, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!screen().contains(text)) {
            if (System.nanoTime() > end || !process.isAlive()) {
                throw new AssertionError("no '" + text + "' on the terminal:\n" + screen());
            }
            Thread.sleep(10);
        }
    }

    void typeCtrlC() throws IOException {
        keyboard.write(CTRL_C);
        keyboard.flush();
    }

    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the CLI did not end within " + limit + ":\n" + screen());
        }
        pump.join();
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
