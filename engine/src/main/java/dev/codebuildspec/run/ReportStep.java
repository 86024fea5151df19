package dev.codebuildspec.run;

import dev.codebuildspec.artifacts.SelectedFile;
import dev.codebuildspec.buildspec.ReportGroup;
import dev.codebuildspec.reports.ReportCollector;
import dev.codebuildspec.reports.ReportSummaryLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects every report group after the phases, failed builds included; failing tests fail nothing.
 * Runs where the source tree is; copies the files to {@code target} when there is one (the CLI's --reports).
 */
public final class ReportStep {
    private ReportStep() {
    }

    public static ReportsOutcome collect(Path sourceDir, Map<String, ReportGroup> groups, Optional<Path> target) {
        List<String> log = new ArrayList<>();
        List<dev.codebuildspec.reports.ReportGroupSummary> summaries = new ArrayList<>();
        Map<String, List<String>> files = new LinkedHashMap<>();
        ReportCollector collector = new ReportCollector();
        for (ReportGroup group : groups.values()) {
            log.add("Preparing to upload report group " + group.name() + " (" + group.fileFormat() + ")");
            ReportCollector.Collected c = collector.collect(sourceDir, group, target, log::add);
            log.add(ReportSummaryLine.of(c.summary()));
            summaries.add(c.summary());
            files.put(group.name(), c.files().stream().map(SelectedFile::sourcePath).toList());
        }
        return new ReportsOutcome(log, summaries, files);
    }
}
