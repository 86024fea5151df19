package dev.codebuildspec.reports;

/** Counts test cases and their time while a test report is read. */
final class TestCounter {
    private long passed;
    private long failures;
    private long errors;
    private long skipped;
    private double seconds;
    private boolean timed;
    private boolean counted;

    void pass() {
        passed++;
        counted = true;
    }

    void fail() {
        failures++;
        counted = true;
    }

    void error() {
        errors++;
        counted = true;
    }

    void skip() {
        skipped++;
        counted = true;
    }

    /** Counts from a report's own totals, for when it has no test cases to count. */
    void addTotals(long tests, long failures, long errors, long skipped) {
        this.failures += failures;
        this.errors += errors;
        this.skipped += skipped;
        this.passed += Math.max(0, tests - failures - errors - skipped);
        counted = true;
    }

    void addSeconds(double s) {
        seconds += s;
        timed = true;
    }

    void addAll(TestCounter other) {
        passed += other.passed;
        failures += other.failures;
        errors += other.errors;
        skipped += other.skipped;
        seconds += other.seconds;
        timed |= other.timed;
        counted |= other.counted;
    }

    /** Whether any test (or any report total) was counted. */
    boolean counted() {
        return counted;
    }

    /** Whether any time was added; when not, a reader falls back on an enclosing element's time. */
    boolean timed() {
        return timed;
    }

    TestSummary summary() {
        return TestSummary.of(passed, failures, errors, skipped, seconds);
    }
}
