package dev.codebuildspec.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Covered out of total, for lines or for branches. */
public record CoverageCounts(long covered, long total) implements java.io.Serializable {

    public CoverageCounts {
        if (covered < 0 || total < 0 || covered > total) {
            throw new IllegalArgumentException("bad coverage counts " + covered + "/" + total);
        }
    }

    /**
     * The percentage rounded to 2 decimals; empty when there is nothing to cover, because "0 %
     * of no branches" would read as a coverage problem that does not exist.
     */
    public Optional<Double> percent() {
        return total == 0 ? Optional.empty() : Optional.of(roundPercent(100.0 * covered / total));
    }

    public CoverageCounts plus(CoverageCounts other) {
        return new CoverageCounts(covered + other.covered, total + other.total);
    }

    /** Half-up to 2 decimals, through BigDecimal so that 83.335 does not become 83.33 by binary accident. */
    static double roundPercent(double percent) {
        return BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
