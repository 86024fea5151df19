package dev.codebuildspec.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The one time bound a unit test may have: a guard against a hang, preemptive, and so generous that no
 * healthy machine, however slow or loaded, comes near it. Speed itself is measured in bench/.
 */
public final class Hang {
    public static final Duration LIMIT = Duration.ofSeconds(30);

    private Hang() {
    }

    public static <T> T guard(Supplier<T> work) {
        return assertTimeoutPreemptively(LIMIT, work::get, () -> "did not end within " + LIMIT + ": a hang");
    }

    public static void guard(Runnable work) {
        assertTimeoutPreemptively(LIMIT, work::run, () -> "did not end within " + LIMIT + ": a hang");
    }
}
