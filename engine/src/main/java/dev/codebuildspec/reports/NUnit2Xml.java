package dev.codebuildspec.reports;

import java.util.OptionalDouble;

/**
 * NUNITXML: the NUnit 2 {@code <test-results>} document; every {@code <test-case>} counts, by
 * its {@code result}: Success passed; Failure failed; Error, NotRunnable and Cancelled errors;
 * Ignored, Skipped, Inconclusive and anything else not run skipped. Writers that leave out
 * {@code result} are read by {@code executed} and {@code success}. Time is the cases'
 * {@code time} in seconds, or the outermost suite's (the root's {@code time} is a clock time).
 */
final class NUnit2Xml {
    private NUnit2Xml() {}

    static TestSummary read(XmlCursor x) throws ReportException {
        x.root("test-results");
        TestCounter counter = new TestCounter();
        OptionalDouble outerSuiteTime = null;
        while (x.next()) {
            if (x.isStart("test-suite") && outerSuiteTime == null) {
                outerSuiteTime = Numbers.decimal(x.attr("time"));
            } else if (x.isStart("test-case")) {
                count(x, counter);
                Numbers.decimal(x.attr("time")).ifPresent(counter::addSeconds);
            }
        }
        if (!counter.timed() && outerSuiteTime != null) {
            outerSuiteTime.ifPresent(counter::addSeconds);
        }
        return counter.summary();
    }

    private static void count(XmlCursor x, TestCounter counter) {
        String result = x.attrLower("result");
        if (result == null) {
            if ("false".equals(x.attrLower("executed"))) {
                counter.skip();
            } else if ("true".equals(x.attrLower("success"))) {
                counter.pass();
            } else {
                counter.fail();
            }
            return;
        }
        switch (result) {
            case "success" -> counter.pass();
            case "failure" -> counter.fail();
            case "error", "notrunnable", "cancelled" -> counter.error();
            default -> counter.skip();
        }
    }
}
