package dev.codebuildspec.run;

import java.time.Duration;

/**
 * The delay before the next poll of a driver: the fastest while output arrives, doubling while the
 * driver is quiet, never above the slowest (as durable-task paces its polls).
 */
public record PollPacing(Duration fastest, Duration slowest) {
    /** An attached driver streams its output: polling only notices the end, a stop or the timeout. */
    public static final PollPacing CONSTANT = new PollPacing(Duration.ofMillis(100), Duration.ofMillis(100));

    public Duration next(Duration previous, boolean output) {
        if (output || previous == null) {
            return fastest;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(slowest) > 0 ? slowest : doubled;
    }
}
