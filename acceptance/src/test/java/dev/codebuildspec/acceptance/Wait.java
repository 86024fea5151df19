package dev.codebuildspec.acceptance;

import java.time.Duration;

/** A deadline for something the suite waits for, with a message that says what never came. */
final class Wait {
    private final long deadline;
    private final String what;

    Wait(Duration max, String what) {
        this.deadline = System.nanoTime() + max.toNanos();
        this.what = what;
    }

    void pause(Duration d) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("gave up waiting for " + what);
        }
        Thread.sleep(d.toMillis());
    }
}
