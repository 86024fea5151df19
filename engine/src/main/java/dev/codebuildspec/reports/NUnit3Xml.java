package dev.codebuildspec.reports;

/**
 * NUNIT3XML: the NUnit 3 {@code <test-run>} document; every {@code <test-case>} counts, by its
 * {@code result}: Passed (and Warning, a pass with warnings) passed; Failed is an error when its
 * {@code label} is Error, Invalid or Cancelled (an exception, a test that could not run, a
 * cancelled run), a failure otherwise; Skipped and Inconclusive skipped. Time is the cases'
 * {@code duration} in seconds, or the run's.
 */
final class NUnit3Xml {
    private NUnit3Xml() {}

    static TestSummary read(XmlCursor x) throws ReportException {
        x.root("test-run");
        String runDuration = x.attr("duration");
        TestCounter counter = new TestCounter();
        while (x.next()) {
            if (!x.isStart("test-case")) {
                continue;
            }
            String result = x.attrLower("result");
            String label = x.attrLower("label");
            if ("passed".equals(result) || "warning".equals(result)) {
                counter.pass();
            } else if ("failed".equals(result)) {
                if ("error".equals(label) || "invalid".equals(label) || "cancelled".equals(label)) {
                    counter.error();
                } else {
                    counter.fail();
                }
            } else {
                counter.skip();
            }
            Numbers.decimal(x.attr("duration")).ifPresent(counter::addSeconds);
        }
        if (!counter.timed()) {
            Numbers.decimal(runDuration).ifPresent(counter::addSeconds);
        }
        return counter.summary();
    }
}
