package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report groups: collected after the build, summarised in the record, copied under --reports. */
class ReportsIT {
    @TempDir
    Path tmp;

    private static final String JUNIT = """
            <testsuite name="calc" tests="3">
              <testcase classname="Calc" name="adds" time="0.25"/>
              <testcase classname="Calc" name="divides" time="0.5"><failure message="boom"/></testcase>
              <testcase classname="Calc" name="later" time="0"><skipped/></testcase>
            </testsuite>
            """;

    private static final String COBERTURA = """
            <coverage line-rate="0.8125" branch-rate="0.5" lines-covered="13" lines-valid="16" branches-covered="2" branches-valid="4"/>
            """;

    @Test
    void failingTestsAreReportedWithoutFailingTheBuild() throws Exception {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - mkdir -p target/surefire coverage && cp fixtures/junit.xml target/surefire/TEST-calc.xml
                      - cp fixtures/cobertura.xml coverage/ && echo '<testsuite' > target/surefire/TEST-broken.xml
                reports:
                  unit-tests:
                    files:
                      - 'target/surefire/TEST-*.xml'
                  coverage:
                    files:
                      - 'coverage/cobertura.xml'
                    file-format: COBERTURAXML
                """).file("fixtures/junit.xml", JUNIT).file("fixtures/cobertura.xml", COBERTURA)
                .args("--reports", tmp.resolve("reports").toString()).run(TestImages.BUSYBOX);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.log()).contains("Report group unit-tests: 1 of 2 file(s) read; 3 tests, 1 passed, 1 failed, 1 skipped")
                .contains("Warning: could not read target/surefire/TEST-broken.xml as JUNITXML")
                .contains("Report group coverage: 1 of 1 file(s) read; line coverage 81.25%, branch coverage 50.0%");
        JsonObject unit = r.record().getAsJsonArray("reports").get(0).getAsJsonObject();
        assertThat(unit.get("reportGroup").getAsString()).isEqualTo("unit-tests");
        assertThat(unit.getAsJsonObject("testSummary").get("total").getAsInt()).isEqualTo(3);
        assertThat(unit.getAsJsonObject("testSummary").getAsJsonObject("statusCounts").get("FAILED").getAsInt()).isEqualTo(1);
        JsonObject coverage = r.record().getAsJsonArray("reports").get(1).getAsJsonObject();
        assertThat(coverage.getAsJsonObject("codeCoverageSummary").get("lineCoveragePercentage").getAsDouble())
                .isEqualTo(81.25);
        assertThat(Files.readString(tmp.resolve("reports/unit-tests/target/surefire/TEST-calc.xml"))).isEqualTo(JUNIT);
        assertThat(tmp.resolve("reports/coverage/coverage/cobertura.xml")).exists();
        JsonObject step = r.record().getAsJsonArray("steps").get(0).getAsJsonObject();
        assertThat(step.get("name").getAsString()).as("the report parsing keeps its time in the record").isEqualTo("REPORTS");
        assertThat(step.get("status").getAsString()).isEqualTo("SUCCEEDED");
        assertThat(step.has("phaseType")).as("reports are read between phases").isFalse();
    }

    @Test
    void reportsAreCollectedAfterAFailedBuildToo() {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - cp fixtures/junit.xml result.xml
                      - exit 1
                reports:
                  tests:
                    files: [result.xml]
                """).file("fixtures/junit.xml", JUNIT).run(TestImages.BUSYBOX);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.log()).contains("Report group tests: 1 of 1 file(s) read; 3 tests");
    }
}
