package dev.codebuildspec.record;

import dev.codebuildspec.reports.ReportGroupSummary;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a build did, with CodeBuild's field names when written as JSON. Holds no secret value:
 * exported values are masked before they get here. {@code complete} is false when the build
 * record was written while the build could not finish (our own process was stopped). {@code steps} are the
 * cache, report and upload work with their times, in the order they ended.
 */
public record BuildRecord(
        String id,
        String arn,
        long buildNumber,
        Status buildStatus,
        Instant startTime,
        Optional<Instant> endTime,
        String image,
        String sourceName,
        Optional<String> resolvedSourceVersion,
        String initiator,
        List<PhaseRecord> phases,
        Map<String, String> exportedVariables,
        List<ArtifactRecord> artifacts,
        List<ReportGroupSummary> reports,
        boolean complete,
        List<StepRecord> steps) {

    public BuildRecord {
        phases = List.copyOf(phases);
        steps = List.copyOf(steps);
        artifacts = List.copyOf(artifacts);
        reports = List.copyOf(reports);
        exportedVariables = Collections.unmodifiableMap(new LinkedHashMap<>(exportedVariables));
    }

    /** A record without steps (a build that kept none, or a test's). */
    public BuildRecord(String id, String arn, long buildNumber, Status buildStatus, Instant startTime,
            Optional<Instant> endTime, String image, String sourceName, Optional<String> resolvedSourceVersion,
            String initiator, List<PhaseRecord> phases, Map<String, String> exportedVariables,
            List<ArtifactRecord> artifacts, List<ReportGroupSummary> reports, boolean complete) {
        this(id, arn, buildNumber, buildStatus, startTime, endTime, image, sourceName, resolvedSourceVersion, initiator,
                phases, exportedVariables, artifacts, reports, complete, List.of());
    }

    public Optional<PhaseRecord> phase(PhaseType type) {
        return phases.stream().filter(p -> p.type() == type).findFirst();
    }
}
