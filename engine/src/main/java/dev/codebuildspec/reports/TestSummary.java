package dev.codebuildspec.reports;

/**
 * Test counts of one report file or of a whole report group.
 *
 * <p>CodeBuild records ERROR apart from FAILED for a test case, yet a report "failed" when any
 * case did not pass. So {@code failed} counts failures and errors together (what a reader of a
 * summary wants first) and {@code errors} says how many of those were errors.
 * {@code total == passed + failed + skipped} always holds.
 */
public record TestSummary(long total, long passed, long failed, long errors, long skipped, double durationSeconds) implements java.io.Serializable {

    public static final TestSummary EMPTY = new TestSummary(0, 0, 0, 0, 0, 0);

    public TestSummary {
        if (passed < 0 || failed < 0 || errors < 0 || skipped < 0 || errors > failed) {
            throw new IllegalArgumentException("bad counts: passed " + passed + ", failed " + failed
                    + ", errors " + errors + ", skipped " + skipped);
        }
        if (total != passed + failed + skipped) {
            throw new IllegalArgumentException("total " + total + " is not passed + failed + skipped");
        }
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("bad duration " + durationSeconds);
        }
    }

    /** {@code failures} are assertion failures, {@code errors} are errors; both end up in {@link #failed}. */
    public static TestSummary of(long passed, long failures, long errors, long skipped, double durationSeconds) {
        long failed = failures + errors;
        return new TestSummary(passed + failed + skipped, passed, failed, errors, skipped, durationSeconds);
    }

    /** Failed cases that were not errors. */
    public long failures() {
        return failed - errors;
    }

    public TestSummary plus(TestSummary other) {
        return new TestSummary(total + other.total, passed + other.passed, failed + other.failed,
                errors + other.errors, skipped + other.skipped, durationSeconds + other.durationSeconds);
    }
}
