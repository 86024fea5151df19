package dev.codebuildspec.batch;

import dev.codebuildspec.run.BuildResult;
import java.io.OutputStream;

/** Runs one child build (its own ephemeral container, in the CLI); called on a thread of its own. */
public interface ChildRunner {

    /**
     * Runs the child to its end and returns its record; a stopped child returns a STOPPED record.
     * {@code log} is the child's own stream; the scheduler closes it afterwards.
     *
     * @throws InterruptedException if the thread was interrupted; the child then counts as STOPPED
     */
    BuildResult run(ChildBuild child, OutputStream log) throws InterruptedException;

    /**
     * Asks a running child to stop, from another thread; {@link #run} should then return promptly.
     * Should only ask, not wait: fast-fail stops the siblings one after the other from the
     * scheduler's thread.
     * May come just before {@code run} began or after it ended: then it must make a starting run
     * end STOPPED, or do nothing.
     */
    void stop(ChildBuild child);
}
