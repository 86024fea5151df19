package dev.codebuildspec.reports;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalDouble;

/**
 * JUNITXML: a {@code <testsuites>} or a single {@code <testsuite>}, suites nested to any depth
 * (Surefire, pytest, jest-junit, go-junit-report and friends).
 *
 * <p>Test cases are counted rather than trusting the suites' {@code tests}/{@code failures}
 * attributes, which writers get wrong or leave out; a suite's attributes are used only when
 * nothing below it has a test case. A case is an error if it has an {@code <error>} child, else
 * failed with a {@code <failure>}, else skipped with a {@code <skipped>}, else passed. Surefire's
 * {@code <flakyFailure>}/{@code <rerunFailure>} are reruns of a case that passed in the end and
 * do not count. Time is the sum of the cases' {@code time}, or the suite's own when its cases
 * have none.
 */
final class JUnitXml {
    private JUnitXml() {}

    private static final class Suite {
        final int depth;
        final TestCounter counter = new TestCounter();
        final String tests;
        final String failures;
        final String errors;
        final String skipped;
        final OptionalDouble time;

        Suite(XmlCursor x) {
            depth = x.depth();
            tests = x.attr("tests");
            failures = x.attr("failures");
            errors = x.attr("errors");
            skipped = x.attr("skipped");
            time = Numbers.decimal(x.attr("time"));
        }

        /** Falls back on the suite's own attributes for what its content did not say. */
        TestCounter close() {
            if (!counter.counted() && Numbers.count(tests).isPresent()) {
                counter.addTotals(Numbers.countOrZero(tests), Numbers.countOrZero(failures),
                        Numbers.countOrZero(errors), Numbers.countOrZero(skipped));
            }
            if (!counter.timed() && time.isPresent()) {
                counter.addSeconds(time.getAsDouble());
            }
            return counter;
        }
    }

    /** The outcome of the test case being read. */
    private static final class Case {
        final int depth;
        final OptionalDouble time;
        boolean failure;
        boolean error;
        boolean skipped;

        Case(XmlCursor x) {
            depth = x.depth();
            time = Numbers.decimal(x.attr("time"));
        }

        void countIn(TestCounter counter) {
            if (error) {
                counter.error();
            } else if (failure) {
                counter.fail();
            } else if (skipped) {
                counter.skip();
            } else {
                counter.pass();
            }
            time.ifPresent(counter::addSeconds);
        }
    }

    static TestSummary read(XmlCursor x) throws ReportException {
        x.root("testsuites", "testsuite");
        Deque<Suite> suites = new ArrayDeque<>();
        suites.push(new Suite(x));
        TestCounter result = null;
        Case testCase = null;
        while (x.next()) {
            if (x.isStart()) {
                if (testCase != null) {
                    if (x.depth() == testCase.depth + 1) {
                        switch (x.name()) {
                            case "failure" -> testCase.failure = true;
                            case "error" -> testCase.error = true;
                            case "skipped" -> testCase.skipped = true;
                            default -> { }
                        }
                    }
                } else if (x.name().equals("testcase")) {
                    testCase = new Case(x);
                } else if (x.name().equals("testsuite") || x.name().equals("testsuites")) {
                    suites.push(new Suite(x));
                }
            } else if (testCase != null && x.depth() == testCase.depth) {
                testCase.countIn(suites.peek().counter);
                testCase = null;
            } else if (testCase == null && !suites.isEmpty() && x.depth() == suites.peek().depth) {
                TestCounter closed = suites.pop().close();
                if (suites.isEmpty()) {
                    result = closed;
                } else {
                    suites.peek().counter.addAll(closed);
                }
            }
        }
        if (result == null) {
            throw x.error("the document ended before its root element");
        }
        return result.summary();
    }
}
