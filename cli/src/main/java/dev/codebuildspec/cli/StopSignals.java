package dev.codebuildspec.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP stop the build: the first asks the build to stop and lets the main
 * thread finish it (the running phase ends STOPPED, the container is removed, the record is written, the
 * exit status is the build's); each later one says what the CLI is still waiting for. Handlers rather than a
 * shutdown hook, because during a JVM shutdown a second Ctrl-C can neither be answered nor end the wait.
 *
 * <p>A signal this process was started with ignored (a job started in the background by a non-interactive
 * shell ignores SIGINT) stays ignored, as for any other program.
 */
final class StopSignals implements AutoCloseable {
    private static final List<String> NAMES = List.of("INT", "TERM", "HUP");

    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {
    }

    /** Installs the handlers until {@link #close()}; {@code stop} runs once, on the first signal. */
    static StopSignals install(Runnable stop, PrintStream err) {
        StopSignals s = new StopSignals();
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler = sig -> {
            if (received.getAndIncrement() == 0) {
                stop.run();
            } else {
                err.println();
                err.println("codebuild-spec: already stopping (SIG" + sig.getName() + "): waiting for the build "
                        + "container to be removed and the record to be written. Killing this process now would "
                        + "leave the container for 'codebuild-spec gc'.");
            }
        };
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            SignalHandler old = Signal.handle(signal, handler);
            if (old == SignalHandler.SIG_IGN) {
                Signal.handle(signal, SignalHandler.SIG_IGN);
                continue;
            }
            s.installed.add(signal);
            s.previous.add(old);
        }
        return s;
    }

    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            Signal.handle(installed.get(i), previous.get(i));
        }
    }
}
