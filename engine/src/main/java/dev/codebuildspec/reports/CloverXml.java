package dev.codebuildspec.reports;

import java.util.Optional;

/**
 * CLOVERXML: the {@code <metrics>} element directly under {@code <coverage><project>}. Clover
 * has no line counts, so statements stand in for lines ({@code coveredstatements} of
 * {@code statements}) and conditionals as branches. {@code <testproject>} (the tests' own
 * sources) and the per-package metrics are skipped.
 */
final class CloverXml {
    private CloverXml() {}

    static CoverageSummary read(XmlCursor x) throws ReportException {
        x.root("coverage");
        CoverageSummary result = null;
        boolean inProject = false;
        while (x.next()) {
            if (x.depth() == 2 && x.name().equals("project")) {
                inProject = x.isStart();
            } else if (inProject && x.depth() == 3 && x.isStart("metrics") && result == null) {
                result = CoverageSummary.ofCounts(
                        Optional.of(counts(x, "coveredstatements", "statements")),
                        Optional.of(counts(x, "coveredconditionals", "conditionals")));
            }
        }
        if (result == null) {
            throw new ReportException("no <project><metrics> element; is this a Clover report?");
        }
        return result;
    }

    private static CoverageCounts counts(XmlCursor x, String coveredAttr, String totalAttr) throws ReportException {
        long covered = Numbers.countOrZero(x.attr(coveredAttr));
        long total = Numbers.countOrZero(x.attr(totalAttr));
        if (covered > total) {
            throw x.error(coveredAttr + " " + covered + " is more than " + totalAttr + " " + total);
        }
        return new CoverageCounts(covered, total);
    }
}
