package dev.codebuildspec.reports;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * COBERTURAXML: the root {@code <coverage>} element's {@code lines-covered}/{@code lines-valid}
 * and {@code branches-covered}/{@code branches-valid} when present (Cobertura 2, coverage.py,
 * Istanbul), else its {@code line-rate}/{@code branch-rate} (0 to 1). The rest of the document
 * is only checked to be well-formed.
 */
final class CoberturaXml {
    private CoberturaXml() {}

    static CoverageSummary read(XmlCursor x) throws ReportException {
        x.root("coverage");
        Metric lines = metric(x, "lines-covered", "lines-valid", "line-rate");
        Metric branches = metric(x, "branches-covered", "branches-valid", "branch-rate");
        if (lines.isEmpty()) {
            throw x.error("<coverage> has neither lines-valid nor line-rate; is this a Cobertura report?");
        }
        x.finish();
        return new CoverageSummary(lines.percent(), branches.percent(), lines.counts(), branches.counts());
    }

    private record Metric(Optional<Double> percent, Optional<CoverageCounts> counts) {
        boolean isEmpty() {
            return percent.isEmpty() && counts.isEmpty();
        }
    }

    private static Metric metric(XmlCursor x, String coveredAttr, String validAttr, String rateAttr) {
        OptionalLong covered = Numbers.count(x.attr(coveredAttr));
        OptionalLong valid = Numbers.count(x.attr(validAttr));
        if (covered.isPresent() && valid.isPresent() && covered.getAsLong() <= valid.getAsLong()) {
            CoverageCounts c = new CoverageCounts(covered.getAsLong(), valid.getAsLong());
            return new Metric(c.percent(), Optional.of(c));
        }
        OptionalDouble rate = Numbers.decimal(x.attr(rateAttr));
        if (rate.isPresent() && rate.getAsDouble() <= 1) {
            return new Metric(Optional.of(rate.getAsDouble() * 100), Optional.empty());
        }
        return new Metric(Optional.empty(), Optional.empty());
    }
}
