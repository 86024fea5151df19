package dev.codebuildspec.run;

import dev.codebuildspec.record.Status;
import java.util.Optional;

/**
 * What a finished build or batch comes to, as every host reads it: {@link BuildResult} for one build,
 * {@code BatchResult} for a batch. Hosts map {@link #status()} to their own result and show {@link #failure()}; none
 * works the failing phase out again.
 */
public interface BuildOutcome {
    /** The final status, FAULT included (a failure outside the build). */
    Status status();

    /** Why it did not succeed, in one line (the phase that decided it and its context); empty for a success. */
    Optional<String> failure();
}
