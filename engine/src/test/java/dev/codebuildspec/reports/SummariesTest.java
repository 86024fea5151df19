package dev.codebuildspec.reports;

import static dev.codebuildspec.reports.Fixtures.parseResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codebuildspec.buildspec.ReportFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Summing files into a report group. */
class SummariesTest {

    @Test
    void testSummaryKeepsErrorsInsideFailed() {
        TestSummary s = TestSummary.of(5, 2, 1, 1, 1.5);
        assertThat(s.total()).isEqualTo(9);
        assertThat(s.failed()).isEqualTo(3);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.failures()).isEqualTo(2);
        assertThat(s.plus(TestSummary.of(1, 0, 2, 0, 0.5))).isEqualTo(TestSummary.of(6, 2, 3, 1, 2.0));
        assertThat(s.plus(TestSummary.EMPTY)).isEqualTo(s);
        assertThatThrownBy(() -> new TestSummary(3, 1, 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TestSummary(1, 0, 1, 2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void coveragePlusRecomputesFromCounts() {
        CoverageSummary a = CoverageSummary.ofCounts(Optional.of(new CoverageCounts(1, 3)), Optional.of(new CoverageCounts(0, 0)));
        CoverageSummary b = CoverageSummary.ofCounts(Optional.of(new CoverageCounts(99, 100)), Optional.of(new CoverageCounts(1, 4)));
        CoverageSummary sum = a.plus(b);
        assertThat(sum.lines()).contains(new CoverageCounts(100, 103));
        assertThat(sum.linePercent()).contains(97.09); // not the mean of 33.33 and 99
        assertThat(sum.branches()).contains(new CoverageCounts(1, 4));
        assertThat(sum.branchPercent()).contains(25.0);
        assertThat(CoverageSummary.EMPTY.plus(a)).isEqualTo(a);
        assertThat(a.plus(CoverageSummary.EMPTY)).isEqualTo(a);
    }

    @Test
    void percentagesWithoutCountsDoNotAverage() {
        CoverageSummary ratesOnly = new CoverageSummary(Optional.of(50.0), Optional.empty(), Optional.empty(), Optional.empty());
        CoverageSummary counted = CoverageSummary.ofCounts(Optional.of(new CoverageCounts(1, 1)), Optional.empty());
        assertThat(ratesOnly.plus(CoverageSummary.EMPTY)).isEqualTo(ratesOnly);
        assertThat(ratesOnly.plus(counted).linePercent()).isEmpty();
        assertThat(ratesOnly.plus(counted).lines()).isEmpty();
    }

    @Test
    void aSummaryCrossesJavaSerializationWhole() throws Exception {
        CoverageSummary coverage = CoverageSummary.ofCounts(Optional.of(new CoverageCounts(2, 3)), Optional.empty());
        ReportGroupSummary tests = new ReportGroupSummary("unit", ReportFormat.JUNITXML, 2, 1, List.of("bad.xml: broken"),
                Optional.of(TestSummary.of(5, 2, 1, 1, 1.5)), Optional.empty());
        ReportGroupSummary lines = new ReportGroupSummary("cov", ReportFormat.JACOCOXML, 1, 1, List.of(), Optional.empty(),
                Optional.of(coverage));
        ReportGroupSummary none = new ReportGroupSummary("empty", ReportFormat.COBERTURAXML, 0, 0, List.of(),
                Optional.empty(), Optional.empty());
        for (ReportGroupSummary s : List.of(tests, lines, none)) {
            assertThat(travel(s)).isEqualTo(s);
        }
    }

    private static Object travel(Object o) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void percentagesRoundHalfUp() {
        assertThat(new CoverageCounts(1, 3).percent()).contains(33.33);
        assertThat(new CoverageCounts(2, 3).percent()).contains(66.67);
        assertThat(new CoverageCounts(1, 8).percent()).contains(12.5);
        assertThat(new CoverageCounts(0, 0).percent()).isEmpty();
        assertThat(new CoverageSummary(Optional.of(83.335), Optional.empty(), Optional.empty(), Optional.empty()).linePercent())
                .contains(83.34);
    }

    @Test
    void aTestGroupSumsItsReadableFilesAndKeepsTheWarnings() {
        List<ReportFile> files = List.of(
                parseResource("surefire.xml", ReportFormat.JUNITXML),
                parseResource("jest-junit.xml", ReportFormat.JUNITXML),
                parseResource("cucumber.json", ReportFormat.JUNITXML));
        ReportGroupSummary g = ReportGroupSummary.of("unit", ReportFormat.JUNITXML, files);
        assertThat(g.group()).isEqualTo("unit");
        assertThat(g.format()).isEqualTo(ReportFormat.JUNITXML);
        assertThat(g.filesFound()).isEqualTo(3);
        assertThat(g.filesParsed()).isEqualTo(2);
        assertThat(g.warnings()).singleElement().asString().startsWith("could not read reports/cucumber.json as JUNITXML: ");
        assertThat(g.tests()).hasValueSatisfying(t -> {
            assertThat(t.total()).isEqualTo(11);
            assertThat(t.passed()).isEqualTo(6);
            assertThat(t.failed()).isEqualTo(3);
            assertThat(t.errors()).isEqualTo(1);
            assertThat(t.skipped()).isEqualTo(2);
        });
        assertThat(g.coverage()).isEmpty();
    }

    @Test
    void aCoverageGroupWeighsFilesByTheirCounts() {
        ReportGroupSummary g = ReportGroupSummary.of("coverage", ReportFormat.JACOCOXML, List.of(
                parseResource("jacoco.xml", ReportFormat.JACOCOXML),
                parseResource("cobertura.xml", ReportFormat.COBERTURAXML)));
        assertThat(g.filesParsed()).isEqualTo(2);
        assertThat(g.warnings()).isEmpty();
        CoverageSummary c = g.coverage().orElseThrow();
        assertThat(c.lines()).contains(new CoverageCounts(302 + 1031, 343 + 1237));
        assertThat(c.linePercent()).contains(84.37); // 1333 / 1580 = 84.3671
        assertThat(c.branches()).contains(new CoverageCounts(94 + 289, 117 + 412));
        assertThat(c.branchPercent()).contains(72.4); // 383 / 529 = 72.4008
        assertThat(g.tests()).isEmpty();
    }

    @Test
    void aGroupWithNoReadableFileHasNoSummary() {
        ReportGroupSummary g = ReportGroupSummary.of("none", ReportFormat.JUNITXML, List.of());
        assertThat(g.filesFound()).isZero();
        assertThat(g.tests()).isEmpty();
        assertThat(g.coverage()).isEmpty();
        assertThat(g.warnings()).isEmpty();
    }
}
