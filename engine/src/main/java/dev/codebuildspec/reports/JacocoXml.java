package dev.codebuildspec.reports;

import java.util.Locale;
import java.util.Optional;

/**
 * JACOCOXML: the {@code <counter type="LINE"|"BRANCH" missed covered>} elements that are direct
 * children of {@code <report>}; counters of groups, packages, classes and methods are parts of
 * those and are skipped. JaCoCo leaves out a counter whose total is zero, so a missing counter
 * means 0 of 0 (no percentage).
 */
final class JacocoXml {
    private JacocoXml() {}

    static CoverageSummary read(XmlCursor x) throws ReportException {
        x.root("report");
        CoverageCounts lines = new CoverageCounts(0, 0);
        CoverageCounts branches = new CoverageCounts(0, 0);
        while (x.next()) {
            if (x.depth() == 2 && x.isStart("counter")) {
                String type = String.valueOf(x.attr("type")).toUpperCase(Locale.ROOT);
                if (type.equals("LINE")) {
                    lines = counts(x);
                } else if (type.equals("BRANCH")) {
                    branches = counts(x);
                }
            }
        }
        return CoverageSummary.ofCounts(Optional.of(lines), Optional.of(branches));
    }

    private static CoverageCounts counts(XmlCursor x) throws ReportException {
        long missed = Numbers.count(x.attr("missed")).orElseThrow(() -> x.error("<counter> without a valid missed"));
        long covered = Numbers.count(x.attr("covered")).orElseThrow(() -> x.error("<counter> without a valid covered"));
        return new CoverageCounts(covered, covered + missed);
    }
}
