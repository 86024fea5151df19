package dev.codebuildspec.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * File names are bytes; the JVM turns them into strings with the encoding of the locale it started in
 * ({@code sun.jnu.encoding}), which no flag changes once it runs. Under {@code LANG=C} (many CI systems) every
 * non-ASCII artifact or report name would be unreadable, so the CLI runs itself again under {@code C.UTF-8},
 * as {@code tar} and {@code cp} would simply copy the bytes. The relaunched CLI runs in a session of its own;
 * this one only passes on the signals it gets and returns the exit status.
 */
final class Utf8Relaunch {
    static final String MARKER = "CODEBUILD_SPEC_UTF8_RELAUNCHED";
    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private Utf8Relaunch() {
    }

    /** The exit status of the relaunched CLI; empty when this JVM already reads file names as UTF-8 (or cannot relaunch). */
    static OptionalInt ifNeeded(String[] args) {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        if (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8") || System.getenv(MARKER) != null) {
            return OptionalInt.empty();
        }
        Optional<List<String>> command = command(args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(command.get()).inheritIO();
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put(MARKER, encoding);
        try {
            Process child = pb.start();
            List<Signal> handled = forwardSignals(child);
            try {
                return OptionalInt.of(child.waitFor());
            } finally {
                handled.forEach(s -> Signal.handle(s, SignalHandler.SIG_DFL));
            }
        } catch (IOException e) {
            return OptionalInt.empty(); // run here, with the locale as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(ExitStatus.FAULT);
        }
    }

    private static Optional<List<String>> command(String[] args) {
        Optional<String> java = ProcessHandle.current().info().command();
        String classPath = System.getProperty("java.class.path", "");
        if (java.isEmpty() || classPath.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (Files.isExecutable(setsid)) {
            cmd.add(setsid.toString()); // Ctrl-C reaches this process, which passes it on once
        }
        cmd.add(java.get());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    private static List<Signal> forwardSignals(Process child) {
        List<Signal> handled = new ArrayList<>();
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            SignalHandler old = Signal.handle(signal, s -> send(child, name));
            if (old == SignalHandler.SIG_IGN) {
                Signal.handle(signal, SignalHandler.SIG_IGN); // the child inherited the ignored disposition too
            } else {
                handled.add(signal);
            }
        }
        return handled;
    }

    private static void send(Process child, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            child.destroy();
        }
    }
}
