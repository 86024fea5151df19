package dev.codebuildspec.cli.host;

import dev.codebuildspec.docker.RunningProcess;
import dev.codebuildspec.run.DriverPoll;
import dev.codebuildspec.run.DriverTask;
import java.io.Serializable;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * The driver as the container's first process: it has ended when that process says so, or when the container ended
 * (killed). Its output streams back through the attached {@code docker run}.
 */
final class FirstProcessTask implements DriverTask {
    private static final Duration SLICE = Duration.ofMillis(100);
    /** Lets the output pump deliver what was written before a kill. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final RunningProcess container;
    private final ExitLine exit;
    private volatile boolean killed;

    FirstProcessTask(RunningProcess container, ExitLine exit) {
        this.container = container;
        this.exit = exit;
    }

    @Override
    public DriverPoll poll() throws InterruptedException {
        OptionalInt gone = container.waitFor(Duration.ZERO); // once ended, all its output has been delivered
        OptionalInt status = exit.status();
        if (status.isPresent()) {
            return new DriverPoll(false, status);
        }
        if (gone.isPresent()) {
            return new DriverPoll(false, gone);
        }
        return new DriverPoll(false, killed ? OptionalInt.of(137) : OptionalInt.empty());
    }

    @Override
    public void await(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline && exit.status().isEmpty() && container.waitFor(Duration.ZERO).isEmpty()) {
            exit.await(SLICE.compareTo(max) < 0 ? SLICE : max);
        }
    }

    /** Stops waiting for it: the machine kills the container, whose removal ends the attached client. */
    @Override
    public void kill() throws InterruptedException {
        killed = true;
        container.waitFor(SETTLE);
    }

    @Override
    public Serializable saved() {
        return null;
    }
}
