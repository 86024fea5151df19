package dev.codebuildspec.run;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;

/** A running driver, as its {@link DriverHost} sees it. */
public interface DriverTask {
    /**
     * Delivers the output written since the last call and says whether the driver has ended (once it
     * has, all its output has been delivered). Never blocks for long: a Jenkins host calls it from a timer.
     */
    DriverPoll poll() throws IOException, InterruptedException;

    /** Waits up to {@code max} for the driver to end or write; hosts that can only poll just sleep. */
    void await(Duration max) throws InterruptedException;

    /** Ends the host's side of the driver (the client process, the task); the machine kills the container. */
    void kill() throws IOException, InterruptedException;

    /** Lets go of what the host kept for the driver once it is over (a durable task's control directory). */
    default void release() {
    }

    /** What a later host object needs to {@linkplain DriverHost#reattach find} this driver; null: nothing. */
    Serializable saved();
}
