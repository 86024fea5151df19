package dev.codebuildspec.run;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A polled build run to its end on one thread (the CLI, a freestyle executor): prepare, poll until done, complete.
 * An interrupt while waiting asks the build to stop and goes on polling it to its end; an interrupt elsewhere stops
 * it at once. The completion runs however the thread is interrupted (no container is left behind), and the
 * thread's interrupt is kept for the caller.
 */
public final class PollLoop {
    /** Waits before the next poll (a driver's output may cut it short). */
    public interface Pause {
        void await(Duration delay) throws InterruptedException;
    }

    /** The build's completion, which returns its outcome. */
    public interface Completion<T extends BuildOutcome> {
        T complete() throws InterruptedException;
    }

    private PollLoop() {
    }

    public static <T extends BuildOutcome> T run(PolledBuild build, Pause pause, Completion<T> completion) {
        boolean interrupted = false;
        try {
            if (build.prepare()) {
                Optional<Duration> next;
                while ((next = build.poll()).isPresent()) {
                    try {
                        pause.await(next.get());
                    } catch (InterruptedException e) {
                        interrupted = true;
                        build.requestStop();
                    }
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            quietly(build::stopNow);
        } catch (IOException | RuntimeException e) {
            try {
                quietly(() -> build.fail(e.getMessage()));
            } catch (RuntimeException again) {
                // The completion below still ends the build and removes its container.
            }
        }
        T result;
        while (true) {
            try {
                result = completion.complete();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // FINALIZING must run to its end: the container is removed on every path
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
        }
    }
}
