package io.jenkins.plugins.codebuildspec.build;

import io.jenkins.plugins.codebuildspec.reports.CoverageSummary;
import io.jenkins.plugins.codebuildspec.reports.ReportGroupSummary;
import io.jenkins.plugins.codebuildspec.reports.TestSummary;
import java.util.Locale;

/** The one log line that sums up a report group. */
final class ReportLine {
    private ReportLine() {
    }

    static String of(ReportGroupSummary s) {
        String head = "Report group " + s.group() + ": " + s.filesParsed() + " of " + s.filesFound() + " file(s) read";
        if (s.tests().isPresent()) {
            TestSummary t = s.tests().get();
            return head + String.format(Locale.ROOT, "; %d tests, %d passed, %d failed, %d skipped in %.3f s",
                    t.total(), t.passed(), t.failed(), t.skipped(), t.durationSeconds());
        }
        if (s.coverage().isPresent()) {
            CoverageSummary c = s.coverage().get();
            return head + "; line coverage " + c.linePercent().map(p -> p + "%").orElse("n/a")
                    + ", branch coverage " + c.branchPercent().map(p -> p + "%").orElse("n/a");
        }
        return head;
    }
}
