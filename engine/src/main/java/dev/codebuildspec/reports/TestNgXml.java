package dev.codebuildspec.reports;

import java.util.OptionalDouble;

/**
 * TESTNGXML ({@code testng-results.xml}): every {@code <test-method>} that is not a
 * configuration method ({@code is-config="true"}: @BeforeMethod and friends) is a test case,
 * with status PASS, FAIL or SKIP. TestNG has no error status. An unknown status counts as
 * skipped: the case did not pass and TestNG did not call it a failure. Time is the methods'
 * {@code duration-ms}, or the suites' when the methods have none.
 */
final class TestNgXml {
    private TestNgXml() {}

    static TestSummary read(XmlCursor x) throws ReportException {
        x.root("testng-results");
        TestCounter counter = new TestCounter();
        double suiteSeconds = 0;
        while (x.next()) {
            if (x.isStart("suite")) {
                suiteSeconds += millis(x.attr("duration-ms")).orElse(0);
            } else if (x.isStart("test-method") && !"true".equals(x.attrLower("is-config"))) {
                String status = x.attrLower("status");
                if ("pass".equals(status)) {
                    counter.pass();
                } else if ("fail".equals(status)) {
                    counter.fail();
                } else {
                    counter.skip();
                }
                millis(x.attr("duration-ms")).ifPresent(counter::addSeconds);
            }
        }
        if (!counter.timed()) {
            counter.addSeconds(suiteSeconds);
        }
        return counter.summary();
    }

    private static OptionalDouble millis(String text) {
        OptionalDouble ms = Numbers.decimal(text);
        return ms.isPresent() ? OptionalDouble.of(ms.getAsDouble() / 1000) : ms;
    }
}
