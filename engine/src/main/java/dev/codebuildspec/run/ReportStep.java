package dev.codebuildspec.run;

import dev.codebuildspec.reports.ReportCollector;
import dev.codebuildspec.reports.ReportGroupSummary;
import dev.codebuildspec.reports.ReportSummaryLine;
import dev.codebuildspec.buildspec.ReportGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects every report group after the phases, failed builds included; failing tests fail nothing. */
final class ReportStep {
    private ReportStep() {
    }

    static List<ReportGroupSummary> run(Path sourceDir, Map<String, ReportGroup> groups, Optional<Path> target,
            BuildProgress progress) {
        List<ReportGroupSummary> summaries = new ArrayList<>();
        ReportCollector collector = new ReportCollector();
        for (ReportGroup group : groups.values()) {
            progress.info("Preparing to upload report group " + group.name() + " (" + group.fileFormat() + ")");
            ReportGroupSummary s = collector.collect(sourceDir, group, target, progress::info).summary();
            progress.info(ReportSummaryLine.of(s));
            summaries.add(s);
        }
        return summaries;
    }
}
