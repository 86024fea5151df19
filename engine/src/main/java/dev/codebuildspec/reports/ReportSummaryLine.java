package dev.codebuildspec.reports;

import java.util.Locale;

/** The one log line that sums up a report group. */
public final class ReportSummaryLine {
    private ReportSummaryLine() {
    }

    public static String of(ReportGroupSummary s) {
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
