package dev.codebuildspec.cli.host;

import dev.codebuildspec.docker.RunningProcess;
import dev.codebuildspec.run.DriverPoll;
import dev.codebuildspec.run.DriverTask;
import java.io.Serializable;
import java.time.Duration;

/** A driver whose output streams back from the process that runs it; it ends with that process. */
final class AttachedTask implements DriverTask {
    /** Lets the output pumps deliver what was already written once the process is killed. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final RunningProcess process;

    AttachedTask(RunningProcess process) {
        this.process = process;
    }

    @Override
    public DriverPoll poll() throws InterruptedException {
        return new DriverPoll(false, process.waitFor(Duration.ZERO));
    }

    @Override
    public void await(Duration max) throws InterruptedException {
        process.waitFor(max);
    }

    @Override
    public void kill() throws InterruptedException {
        process.kill();
        process.waitFor(SETTLE);
    }

    @Override
    public Serializable saved() {
        return null;
    }
}
