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

    /** Its exit status; when {@code timeout} passes first it is killed and {@code what} named in the error. */
    default int statusWithin(Duration timeout, String what) throws DockerException, InterruptedException {
        OptionalInt status = waitFor(timeout);
        if (status.isEmpty()) {
            kill();
            throw new DockerException(what + " did not finish within " + timeout.toMinutes() + " minutes");
        }
        return status.getAsInt();
    }
}
