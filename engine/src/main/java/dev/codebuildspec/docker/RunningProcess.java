package dev.codebuildspec.docker;

import java.time.Duration;
import java.util.OptionalInt;

/** A started process. */
public interface RunningProcess {
    /**
     * Waits for the process to end and its output to be delivered.
     *
     * @return the exit status, or empty when {@code timeout} passed first (the process still runs)
     */
    OptionalInt waitFor(Duration timeout) throws InterruptedException;

    /** Kills the process (not what it started inside a container). */
    void kill();
}
