package dev.codebuildspec.reports;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * VISUALSTUDIOTRX: every {@code <UnitTestResult>} of a {@code <TestRun>} counts by its
 * {@code outcome}: Passed, PassedButRunAborted, Warning and Completed passed; Failed and Timeout
 * failed; Error, Aborted, NotRunnable and Disconnected errors; NotExecuted, Inconclusive,
 * Pending and anything else skipped. A data-driven result holds the real cases as
 * {@code <InnerResults>}; then only the inner ones count, else every row would count twice.
 * Time is the results' {@code duration} (a .NET TimeSpan). A TRX without results falls back on
 * {@code <ResultSummary><Counters>} and {@code <Times start finish>}.
 */
final class TrxXml {
    private TrxXml() {}

    private static final class Result {
        final String outcome;
        final OptionalDouble seconds;
        boolean hasInner;

        Result(XmlCursor x) {
            outcome = x.attrLower("outcome");
            seconds = Numbers.timeSpanSeconds(x.attr("duration"));
        }
    }

    static TestSummary read(XmlCursor x) throws ReportException {
        x.root("TestRun");
        TestCounter counter = new TestCounter();
        TestCounter fromCounters = null;
        OptionalDouble runSeconds = OptionalDouble.empty();
        Deque<Result> open = new ArrayDeque<>();
        while (x.next()) {
            if (x.isStart("UnitTestResult")) {
                if (!open.isEmpty()) {
                    open.peek().hasInner = true;
                }
                open.push(new Result(x));
            } else if (x.isEnd("UnitTestResult")) {
                Result r = open.pop();
                if (!r.hasInner) {
                    count(r.outcome, counter);
                    r.seconds.ifPresent(counter::addSeconds);
                }
            } else if (x.isStart("Counters")) {
                fromCounters = counters(x);
            } else if (x.isStart("Times")) {
                runSeconds = between(x.attr("start"), x.attr("finish"));
            }
        }
        if (!counter.counted() && fromCounters != null) {
            counter.addAll(fromCounters);
        }
        if (!counter.timed()) {
            runSeconds.ifPresent(counter::addSeconds);
        }
        return counter.summary();
    }

    private static void count(String outcome, TestCounter counter) {
        switch (outcome == null ? "" : outcome) {
            case "passed", "passedbutrunaborted", "warning", "completed" -> counter.pass();
            case "failed", "timeout" -> counter.fail();
            case "error", "aborted", "notrunnable", "disconnected" -> counter.error();
            default -> counter.skip();
        }
    }

    private static TestCounter counters(XmlCursor x) {
        long total = Numbers.countOrZero(x.attr("total"));
        long failures = Numbers.countOrZero(x.attr("failed")) + Numbers.countOrZero(x.attr("timeout"));
        long errors = Numbers.countOrZero(x.attr("error")) + Numbers.countOrZero(x.attr("aborted"))
                + Numbers.countOrZero(x.attr("notRunnable")) + Numbers.countOrZero(x.attr("disconnected"));
        long passed = Numbers.countOrZero(x.attr("passed")) + Numbers.countOrZero(x.attr("passedButRunAborted"))
                + Numbers.countOrZero(x.attr("warning")) + Numbers.countOrZero(x.attr("completed"));
        long skipped = Math.max(0, total - passed - failures - errors);
        TestCounter c = new TestCounter();
        c.addTotals(passed + failures + errors + skipped, failures, errors, skipped);
        return c;
    }

    private static OptionalDouble between(String start, String finish) {
        if (start == null || finish == null) {
            return OptionalDouble.empty();
        }
        try {
            Duration d = Duration.between(OffsetDateTime.parse(start.trim()), OffsetDateTime.parse(finish.trim()));
            return d.isNegative() ? OptionalDouble.empty() : OptionalDouble.of(d.toNanos() / 1e9);
        } catch (DateTimeParseException e) {
            return OptionalDouble.empty();
        }
    }
}
