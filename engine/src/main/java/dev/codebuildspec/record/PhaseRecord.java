package dev.codebuildspec.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One phase of the build record; {@code end} is empty while the phase runs. */
public record PhaseRecord(PhaseType type, Status status, Instant start, Optional<Instant> end, List<PhaseContext> contexts) {
    public PhaseRecord {
        contexts = List.copyOf(contexts);
    }

    public static PhaseRecord started(PhaseType type, Instant start) {
        return new PhaseRecord(type, Status.IN_PROGRESS, start, Optional.empty(), List.of());
    }

    public PhaseRecord ended(Status status, Instant end, List<PhaseContext> contexts) {
        return new PhaseRecord(type, status, start, Optional.of(end), contexts);
    }

    public long durationInSeconds() {
        return end.map(e -> Duration.between(start, e).toSeconds()).orElse(0L);
    }
}
