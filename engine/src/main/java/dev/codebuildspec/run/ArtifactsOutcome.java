package dev.codebuildspec.run;

import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.record.ArtifactRecord;
import java.util.List;
import java.util.Optional;

/**
 * What UPLOAD_ARTIFACTS did: its log lines, the records of what was stored, why it failed (empty: it
 * did not), and the plan itself where the host that stored it runs in the same process.
 */
public record ArtifactsOutcome(List<String> log, List<ArtifactRecord> records, Optional<String> failure,
        Optional<ArtifactPlan> plan) {
    public ArtifactsOutcome {
        log = List.copyOf(log);
        records = List.copyOf(records);
    }

    public ArtifactsOutcome withLine(String line) {
        List<String> more = new java.util.ArrayList<>(log);
        more.add(line);
        return new ArtifactsOutcome(more, records, failure, plan);
    }

    public ArtifactsOutcome failed(String message) {
        return new ArtifactsOutcome(log, List.of(), Optional.of(message), Optional.empty());
    }
}
