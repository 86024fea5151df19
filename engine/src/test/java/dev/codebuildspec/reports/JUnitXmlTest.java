package dev.codebuildspec.reports;

import static dev.codebuildspec.reports.Fixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.codebuildspec.buildspec.ReportFormat;
import dev.codebuildspec.testing.Hang;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JUnit XML shapes beyond the realistic fixtures: nesting, attribute fallbacks, size. */
class JUnitXmlTest {
    @TempDir
    Path dir;

    private TestSummary junit(String xml) throws IOException {
        ReportFile f = parseText(dir, "junit.xml", xml, ReportFormat.JUNITXML);
        assertThat(f.warning()).isEmpty();
        return f.tests().orElseThrow();
    }

    @Test
    void nestedSuitesAreCountedOnce() throws IOException {
        // The outer attributes are wrong on purpose: the test cases decide.
        TestSummary s = junit("""
                <testsuites tests="99" failures="99">
                  <testsuite name="outer" tests="99">
                    <testcase name="a" time="0.5"/>
                    <testsuite name="inner">
                      <testcase name="b" time="0.25"><failure message="no"/></testcase>
                      <testsuite name="innermost">
                        <testcase name="c" time="0.125"><skipped/></testcase>
                        <testcase name="d" time="0.125"><error type="Boom"/></testcase>
                      </testsuite>
                    </testsuite>
                  </testsuite>
                  <testsuite name="second"><testcase name="e"/></testsuite>
                </testsuites>
                """);
        assertThat(s).isEqualTo(TestSummary.of(2, 1, 1, 1, 1.0));
    }

    @Test
    void aSuiteWithoutCasesFallsBackOnItsAttributes() throws IOException {
        TestSummary s = junit("""
                <testsuites>
                  <testsuite name="summarised" tests="10" failures="2" errors="1" skipped="3" time="4.5"/>
                  <testsuite name="detailed" tests="7" failures="7" time="100">
                    <testcase name="a" time="0.5"/>
                  </testsuite>
                </testsuites>
                """);
        assertThat(s).isEqualTo(TestSummary.of(4 + 1, 2, 1, 3, 5.0));
    }

    @Test
    void casesWithoutTimesTakeTheSuitesTime() throws IOException {
        TestSummary s = junit("""
                <testsuite name="s" time="2.5"><testcase name="a"/><testcase name="b"/></testsuite>
                """);
        assertThat(s).isEqualTo(TestSummary.of(2, 0, 0, 0, 2.5));
    }

    @Test
    void anErrorOutranksAFailureAndAFailureASkip() throws IOException {
        TestSummary s = junit("""
                <testsuite>
                  <testcase name="a"><failure/><error/></testcase>
                  <testcase name="b"><skipped/><failure/></testcase>
                  <testcase name="c"><system-out>&lt;failure/&gt;</system-out></testcase>
                </testsuite>
                """);
        assertThat(s).isEqualTo(TestSummary.of(1, 1, 1, 0, 0));
    }

    @Test
    void localeFormattedTimesAreRead() throws IOException {
        TestSummary s = junit("""
                <testsuite><testcase name="a" time="1,234.5"/><testcase name="b" time="0,5"/><testcase name="c" time="soon"/></testsuite>
                """);
        assertThat(s.durationSeconds()).isCloseTo(1235.0, within(1e-9));
        assertThat(s.total()).isEqualTo(3);
    }

    @Test
    void anEmptyTestsuiteIsZeroTestsNotAWarning() throws IOException {
        assertThat(junit("<testsuite name=\"none\"/>")).isEqualTo(TestSummary.EMPTY);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
    void aBigReportIsStreamed() throws IOException {
        // 200k test cases, about 20 MB; read in well under the timeout, memory does not grow with it.
        Path file = dir.resolve("big.xml");
        int cases = 200_000;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
            for (int suite = 0; suite < cases / 1000; suite++) {
                w.write("<testsuite name=\"com.example.Suite" + suite + "\" tests=\"1000\">\n");
                for (int i = 0; i < 1000; i++) {
                    w.write("<testcase classname=\"com.example.Suite" + suite + "\" name=\"test" + i + "\" time=\"0.001\">");
                    if (i % 100 == 0) {
                        w.write("<failure message=\"expected 1 but was 2\">stack trace line\n  at Foo.java:1</failure>");
                    } else if (i % 100 == 1) {
                        w.write("<skipped/>");
                    }
                    w.write("<system-out>some output of test " + i + "</system-out></testcase>\n");
                }
                w.write("</testsuite>\n");
            }
            w.write("</testsuites>\n");
        }
        ReportFile f = Hang.guard(() -> new ReportParser().parse(file, "big.xml", ReportFormat.JUNITXML));
        assertThat(f.warning()).isEmpty();
        TestSummary s = f.tests().orElseThrow();
        assertThat(s.total()).isEqualTo(cases);
        assertThat(s.failed()).isEqualTo(cases / 100);
        assertThat(s.skipped()).isEqualTo(cases / 100);
        assertThat(s.durationSeconds()).isCloseTo(200.0, within(1e-6));
    }
}
