package io.jenkins.plugins.codebuildspec.build;

import io.jenkins.plugins.codebuildspec.reports.ReportCollector;
import io.jenkins.plugins.codebuildspec.reports.ReportGroupSummary;
import io.jenkins.plugins.codebuildspec.reports.ReportSummaryLine;
import io.jenkins.plugins.codebuildspec.spec.ReportGroup;
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
