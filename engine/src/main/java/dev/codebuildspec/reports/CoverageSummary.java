package dev.codebuildspec.reports;

import java.util.Objects;
import java.util.Optional;

/**
 * Line and branch coverage of one report file or of a whole report group. Percentages are
 * rounded to 2 decimals; the counts are there when the format gives them, so that summing files
 * weighs each by its size.
 */
public record CoverageSummary(
        Optional<Double> linePercent,
        Optional<Double> branchPercent,
        Optional<CoverageCounts> lines,
        Optional<CoverageCounts> branches) {

    public static final CoverageSummary EMPTY =
            new CoverageSummary(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public CoverageSummary {
        Objects.requireNonNull(linePercent, "linePercent");
        Objects.requireNonNull(branchPercent, "branchPercent");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(branches, "branches");
        linePercent = linePercent.map(CoverageCounts::roundPercent);
        branchPercent = branchPercent.map(CoverageCounts::roundPercent);
    }

    /** Percentages computed from the counts. */
    public static CoverageSummary ofCounts(Optional<CoverageCounts> lines, Optional<CoverageCounts> branches) {
        return new CoverageSummary(lines.flatMap(CoverageCounts::percent), branches.flatMap(CoverageCounts::percent),
                lines, branches);
    }

    /**
     * Sums two summaries. With counts on both sides the percentage is recomputed from the summed
     * counts. When one side has no value for a metric, the other side's value is kept. When both
     * sides have a percentage but a count is missing, the result has no percentage: an unweighted
     * mean of two percentages would be a number no tool reported.
     */
    public CoverageSummary plus(CoverageSummary other) {
        Metric l = new Metric(linePercent, lines).plus(new Metric(other.linePercent, other.lines));
        Metric b = new Metric(branchPercent, branches).plus(new Metric(other.branchPercent, other.branches));
        return new CoverageSummary(l.percent, b.percent, l.counts, b.counts);
    }

    private record Metric(Optional<Double> percent, Optional<CoverageCounts> counts) {
        boolean isEmpty() {
            return percent.isEmpty() && counts.isEmpty();
        }

        Metric plus(Metric other) {
            if (other.isEmpty()) {
                return this;
            }
            if (isEmpty()) {
                return other;
            }
            if (counts.isPresent() && other.counts.isPresent()) {
                CoverageCounts sum = counts.get().plus(other.counts.get());
                return new Metric(sum.percent(), Optional.of(sum));
            }
            return new Metric(Optional.empty(), Optional.empty());
        }
    }
}
