package dev.codebuildspec.reports;

import static dev.codebuildspec.reports.Fixtures.parseResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.codebuildspec.buildspec.ReportFormat;
import org.junit.jupiter.api.Test;

/** Each test format on a realistic report with passes, failures, errors and skips. */
class TestFormatsTest {

    private static TestSummary tests(String fixture, ReportFormat format) {
        ReportFile f = parseResource(fixture, format);
        assertThat(f.warning()).isEmpty();
        assertThat(f.coverage()).isEmpty();
        assertThat(f.path()).isEqualTo("reports/" + fixture);
        assertThat(f.format()).isEqualTo(format);
        return f.tests().orElseThrow();
    }

    private static void assertCounts(TestSummary s, long total, long passed, long failed, long errors, long skipped,
            double seconds) {
        assertThat(s.total()).as("total").isEqualTo(total);
        assertThat(s.passed()).as("passed").isEqualTo(passed);
        assertThat(s.failed()).as("failed").isEqualTo(failed);
        assertThat(s.errors()).as("errors").isEqualTo(errors);
        assertThat(s.skipped()).as("skipped").isEqualTo(skipped);
        assertThat(s.durationSeconds()).as("duration").isCloseTo(seconds, within(1e-9));
    }

    @Test
    void surefireCountsAFlakyPassAsPassed() {
        assertCounts(tests("surefire.xml", ReportFormat.JUNITXML), 6, 3, 2, 1, 1, 0.412);
    }

    @Test
    void pytestCountsSetupErrorsAndXfailSkips() {
        assertCounts(tests("pytest.xml", ReportFormat.JUNITXML), 6, 2, 2, 1, 2, 1.525);
    }

    @Test
    void jestJunitSumsTheCasesTimesNotTheSuites() {
        assertCounts(tests("jest-junit.xml", ReportFormat.JUNITXML), 5, 3, 1, 0, 1, 0.243);
    }

    @Test
    void goJunitReportCountsABuildFailureAsAnError() {
        assertCounts(tests("go-junit-report.xml", ReportFormat.JUNITXML), 6, 3, 2, 1, 1, 1.26);
    }

    @Test
    void testngIgnoresConfigurationMethods() {
        assertCounts(tests("testng-results.xml", ReportFormat.TESTNGXML), 5, 3, 1, 0, 1, 0.510);
    }

    @Test
    void nunit3CountsInconclusiveAsSkippedAndLabelErrorAsError() {
        assertCounts(tests("nunit3.xml", ReportFormat.NUNIT3XML), 6, 2, 2, 1, 2, 1.05);
    }

    @Test
    void nunit2() {
        assertCounts(tests("nunit2.xml", ReportFormat.NUNITXML), 5, 2, 2, 1, 1, 0.68);
    }

    @Test
    void trxWithBomNamespaceAndDataDrivenRowsCountsTheRows() {
        assertCounts(tests("trx.trx", ReportFormat.VISUALSTUDIOTRX), 6, 2, 3, 1, 1, 3.8123456);
    }

    @Test
    void cucumberFoldsBackgroundsAndHooksIntoTheirScenario() {
        assertCounts(tests("cucumber.json", ReportFormat.CUCUMBERJSON), 5, 2, 1, 0, 2, 0.3651);
    }
}
