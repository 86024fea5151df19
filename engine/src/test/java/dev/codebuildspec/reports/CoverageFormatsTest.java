package dev.codebuildspec.reports;

import static dev.codebuildspec.reports.Fixtures.parseResource;
import static dev.codebuildspec.reports.Fixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each coverage format; percentages are compared exactly, as they are rounded to 2 decimals. */
class CoverageFormatsTest {
    @TempDir
    Path dir;

    private static CoverageSummary coverage(ReportFile f) {
        assertThat(f.warning()).isEmpty();
        assertThat(f.tests()).isEmpty();
        return f.coverage().orElseThrow();
    }

    private static CoverageSummary coverage(String fixture, ReportFormat format) {
        return coverage(parseResource(fixture, format));
    }

    @Test
    void coberturaFromCountsWithoutFetchingItsDtd() {
        CoverageSummary c = coverage("cobertura.xml", ReportFormat.COBERTURAXML);
        assertThat(c.linePercent()).contains(83.35); // 1031 / 1237 = 83.3468
        assertThat(c.branchPercent()).contains(70.15); // 289 / 412 = 70.1456
        assertThat(c.lines()).contains(new CoverageCounts(1031, 1237));
        assertThat(c.branches()).contains(new CoverageCounts(289, 412));
    }

    @Test
    void coberturaWithRatesOnly() {
        CoverageSummary c = coverage("cobertura-rates-only.xml", ReportFormat.COBERTURAXML);
        assertThat(c.linePercent()).contains(66.67);
        assertThat(c.branchPercent()).contains(50.0);
        assertThat(c.lines()).isEmpty();
        assertThat(c.branches()).isEmpty();
    }

    @Test
    void coberturaWithoutBranchMeasurementHasNoBranchPercentage() throws IOException {
        // coverage.py without --branch writes branch-rate="0" and 0 of 0 branches.
        CoverageSummary c = coverage(parseText(dir, "c.xml", """
                <?xml version="1.0" ?>
                <coverage version="7.4.4" timestamp="1" lines-valid="3" lines-covered="2" line-rate="0.6667" \
                branches-covered="0" branches-valid="0" branch-rate="0" complexity="0"><packages/></coverage>
                """, ReportFormat.COBERTURAXML));
        assertThat(c.linePercent()).contains(66.67);
        assertThat(c.branchPercent()).isEmpty();
        assertThat(c.branches()).contains(new CoverageCounts(0, 0));
    }

    @Test
    void jacocoUsesOnlyTheReportsOwnCounters() {
        CoverageSummary c = coverage("jacoco.xml", ReportFormat.JACOCOXML);
        assertThat(c.lines()).contains(new CoverageCounts(302, 343));
        assertThat(c.linePercent()).contains(88.05); // 88.0466
        assertThat(c.branches()).contains(new CoverageCounts(94, 117));
        assertThat(c.branchPercent()).contains(80.34); // 80.3419
    }

    @Test
    void jacocoWithoutBranchesHasNoBranchPercentage() throws IOException {
        CoverageSummary c = coverage(parseText(dir, "j.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?><report name="tiny"><sessioninfo id="s" start="1" dump="2"/>\
                <counter type="INSTRUCTION" missed="1" covered="2"/><counter type="LINE" missed="1" covered="2"/></report>
                """, ReportFormat.JACOCOXML));
        assertThat(c.linePercent()).contains(66.67);
        assertThat(c.branchPercent()).isEmpty();
    }

    @Test
    void cloverUsesTheProjectMetricsNotTheTestProject() {
        CoverageSummary c = coverage("clover.xml", ReportFormat.CLOVERXML);
        assertThat(c.lines()).contains(new CoverageCounts(731, 860));
        assertThat(c.linePercent()).contains(85.0);
        assertThat(c.branches()).contains(new CoverageCounts(173, 240));
        assertThat(c.branchPercent()).contains(72.08); // 72.0833
    }

    @Test
    void simplecovResultsetMergesCommandsPerLine() {
        // cart.rb line 5 is hit only by Cucumber, its "then" branch too; price.rb has 3 of 4 lines.
        CoverageSummary c = coverage("resultset.json", ReportFormat.SIMPLECOV);
        assertThat(c.lines()).contains(new CoverageCounts(8, 10));
        assertThat(c.linePercent()).contains(80.0);
        assertThat(c.branches()).contains(new CoverageCounts(2, 2));
        assertThat(c.branchPercent()).contains(100.0);
    }

    @Test
    void simplecovOldResultsetWithLineArraysAndNoBranches() throws IOException {
        CoverageSummary c = coverage(parseText(dir, ".resultset.json", """
                {"RSpec": {"coverage": {"/src/a.rb": [1, null, 0, 5, null, 0]}, "timestamp": 1500000000}}
                """, ReportFormat.SIMPLECOV));
        assertThat(c.lines()).contains(new CoverageCounts(2, 4));
        assertThat(c.linePercent()).contains(50.0);
        assertThat(c.branches()).isEmpty();
        assertThat(c.branchPercent()).isEmpty();
    }

    @Test
    void simplecovJsonFormatterSkipsIgnoredLinesAndBranches() {
        CoverageSummary c = coverage("simplecov-formatter.json", ReportFormat.SIMPLECOV);
        assertThat(c.lines()).contains(new CoverageCounts(3, 4));
        assertThat(c.linePercent()).contains(75.0);
        assertThat(c.branches()).contains(new CoverageCounts(1, 2));
        assertThat(c.branchPercent()).contains(50.0);
    }

    @Test
    void simplecovMetricsOnly() {
        CoverageSummary c = coverage("simplecov-json-metrics.json", ReportFormat.SIMPLECOV);
        assertThat(c.lines()).contains(new CoverageCounts(9, 11));
        assertThat(c.linePercent()).contains(81.82);
        assertThat(c.branchPercent()).isEqualTo(Optional.empty());
    }

    @Test
    void simplecovWithAByteOrderMark() throws IOException {
        CoverageSummary c = coverage(parseText(dir, "coverage.json", "\uFEFF{\"metrics\": {\"covered_percent\": 12.345}}",
                ReportFormat.SIMPLECOV));
        assertThat(c.linePercent()).contains(12.35);
        assertThat(c.lines()).isEmpty();
    }

    @Test
    void simplecovWithoutCoverageDataIsAWarning() throws IOException {
        ReportFile f = parseText(dir, "coverage.json", "{\"timestamp\": 1}", ReportFormat.SIMPLECOV);
        assertThat(f.warning()).contains("could not read reports/coverage.json as SIMPLECOV: no coverage data: "
                + "expected a resultset's \"coverage\" or a \"metrics\" object");
        assertThat(f.coverage()).isEmpty();
    }

    @Test
    void aCoberturaFileReadAsCloverIsAWarning() {
        ReportFile f = parseResource("cobertura.xml", ReportFormat.CLOVERXML);
        assertThat(f.warning()).contains(
                "could not read reports/cobertura.xml as CLOVERXML: no <project><metrics> element; is this a Clover report?");
    }

    @Test
    void aCloverFileReadAsCoberturaIsAWarning() {
        ReportFile f = parseResource("clover.xml", ReportFormat.COBERTURAXML);
        assertThat(f.warning()).hasValueSatisfying(w -> assertThat(w)
                .startsWith("could not read reports/clover.xml as COBERTURAXML: line 2: ")
                .endsWith("<coverage> has neither lines-valid nor line-rate; is this a Cobertura report?"));
    }
}
