package dev.codebuildspec.record;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Work the build did between or inside its phases that CodeBuild's record has no field for: the cache
 * restored and saved, the reports parsed, the artifacts uploaded. {@code phase} is the phase that was
 * running (empty between phases); {@code status} is FAILED when the step ended on a warning or an error.
 * A timeline shows them where they happened.
 */
public record StepRecord(Name name, Optional<PhaseType> phase, Instant start, Instant end, Status status) {
    /** The steps, with the words the record writes. */
    public enum Name { CACHE_RESTORE, CACHE_SAVE, REPORTS, ARTIFACTS_UPLOAD }

    public StepRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
    }

    public long durationInMillis() {
        return Duration.between(start, end).toMillis();
    }
}
