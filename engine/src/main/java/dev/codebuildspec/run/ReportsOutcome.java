package dev.codebuildspec.run;

import dev.codebuildspec.reports.ReportGroupSummary;
import java.util.List;
import java.util.Map;

/** What the report step found: its log lines, each group's summary, each group's files (relative to the source). */
public record ReportsOutcome(List<String> log, List<ReportGroupSummary> summaries, Map<String, List<String>> files) {
    public ReportsOutcome {
        log = List.copyOf(log);
        summaries = List.copyOf(summaries);
        files = Map.copyOf(files);
    }
}
