package dev.codebuildspec.run;

import java.util.function.BooleanSupplier;

/**
 * Whether a stop was asked for, judged so that a stop wins over what it causes. A terminal's Ctrl-C reaches
 * the process we are starting for Docker in the instant before it leaves our process group: that start fails
 * at once, while our own signal handler may not yet have recorded the stop. A failure is therefore judged
 * only after a short grace in which the stop, if there is one, has arrived.
 */
final class StopRequest {
    /** Far longer than a signal takes to be handled, far shorter than anyone notices. */
    private static final long GRACE_MILLIS = 500;

    private final BooleanSupplier requested;

    StopRequest(BooleanSupplier requested) {
        this.requested = requested;
    }

    /** After a failure: true when it was (or is about to be) caused by a stop. */
    boolean explains() throws InterruptedException {
        long end = System.nanoTime() + GRACE_MILLIS * 1_000_000;
        while (!requested.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
