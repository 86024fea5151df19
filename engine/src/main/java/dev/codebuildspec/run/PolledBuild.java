package dev.codebuildspec.run;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A build a host drives from polls, one build's {@link BuildMachine} or a batch's machine: what a host that
 * must survive a restart (Jenkins' Pipeline step) calls, the same way for both.
 */
public interface PolledBuild {

    /** Work before the first poll; false when the build already ended (its completion comes next). */
    boolean prepare() throws InterruptedException;

    /** One look; when to look again, empty when there is nothing left to poll. */
    Optional<Duration> poll() throws IOException, InterruptedException;

    /** Asks the build to stop at its next step. Safe from any thread, without waiting. */
    void requestStop();

    /** Stops now: drivers and containers are killed rather than asked. */
    void stopNow() throws InterruptedException;

    /** An error of the host's own: what runs ends FAULT. */
    void fail(String message) throws InterruptedException;

    /** Grows whenever something a resume needs has changed: a host saves its state when this moved. */
    int changes();

    /** What comes after the last poll (outputs, FINALIZING): the outcome. Runs once; later calls return the same. */
    BuildOutcome complete() throws InterruptedException;

    /** The whole build on this thread (prepare, polls, complete); an interrupt of the thread stops it. */
    BuildOutcome run();
}
