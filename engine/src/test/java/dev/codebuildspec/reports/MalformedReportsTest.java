package dev.codebuildspec.reports;

import static dev.codebuildspec.reports.Fixtures.parseResource;
import static dev.codebuildspec.reports.Fixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A bad report file is a warning naming the file and the reason, never an exception. */
class MalformedReportsTest {
    @TempDir
    Path dir;

    private static String warning(ReportFile f) {
        assertThat(f.tests()).isEmpty();
        assertThat(f.coverage()).isEmpty();
        assertThat(f.isReadable()).isFalse();
        return f.warning().orElseThrow();
    }

    @Test
    void truncatedXmlNamesTheLine() throws IOException {
        ReportFile f = parseText(dir, "x.xml", """
                <?xml version="1.0"?>
                <testsuite name="s">
                  <testcase name="a" time="0.1"/>
                  <testcase name="b" ti""", ReportFormat.JUNITXML);
        assertThat(warning(f)).isEqualTo("could not read reports/x.xml as JUNITXML: line 4: "
                + "XML document structures must start and end within the same entity.");
    }

    @Test
    void truncatedAfterACompleteCaseIsStillAWarningNotAHalfCount() throws IOException {
        ReportFile f = parseText(dir, "x.xml", "<testsuite><testcase name=\"a\"/>\n", ReportFormat.JUNITXML);
        assertThat(warning(f)).startsWith("could not read reports/x.xml as JUNITXML: line 2: ");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void anEmptyFileIsAWarningInEveryFormat(ReportFormat format) throws IOException {
        ReportFile f = parseText(dir, "empty", "", format);
        assertThat(warning(f)).isEqualTo("could not read reports/empty as " + format + ": the file is empty");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void whitespaceOnlyIsAWarningInEveryFormat(ReportFormat format) throws IOException {
        assertThat(warning(parseText(dir, "blank", "  \n", format))).startsWith("could not read reports/blank as " + format + ": ");
    }

    @Test
    void jsonReadAsJunitXml() {
        ReportFile f = parseResource("cucumber.json", ReportFormat.JUNITXML);
        assertThat(warning(f)).isEqualTo(
                "could not read reports/cucumber.json as JUNITXML: line 1: Content is not allowed in prolog.");
    }

    @Test
    void anotherXmlFormatReadAsJunitXmlNamesTheRoot() {
        ReportFile f = parseResource("testng-results.xml", ReportFormat.JUNITXML);
        assertThat(warning(f)).isEqualTo("could not read reports/testng-results.xml as JUNITXML: line 2: "
                + "expected <testsuites> or <testsuite>, found <testng-results>");
    }

    @Test
    void nunit2ReadAsNunit3() {
        assertThat(warning(parseResource("nunit2.xml", ReportFormat.NUNIT3XML)))
                .endsWith("expected <test-run>, found <test-results>");
    }

    @Test
    void xmlReadAsCucumberJson() {
        assertThat(warning(parseResource("surefire.xml", ReportFormat.CUCUMBERJSON)))
                .startsWith("could not read reports/surefire.xml as CUCUMBERJSON: line 1: malformed JSON");
    }

    @Test
    void aJsonObjectReadAsCucumberJson() {
        assertThat(warning(parseResource("resultset.json", ReportFormat.CUCUMBERJSON))).isEqualTo(
                "could not read reports/resultset.json as CUCUMBERJSON: line 1: expected a JSON array of features, found an object");
    }

    @Test
    void truncatedJson() throws IOException {
        ReportFile f = parseText(dir, "c.json", "[{\"elements\": [{\"type\": \"scenario\", \"steps\": [\n", ReportFormat.CUCUMBERJSON);
        assertThat(warning(f)).startsWith("could not read reports/c.json as CUCUMBERJSON: line 2: end of input");
    }

    @Test
    void aMissingFile() {
        ReportFile f = new ReportParser().parse(dir.resolve("nope.xml"), "nope.xml", ReportFormat.JUNITXML);
        assertThat(warning(f)).isEqualTo("could not read nope.xml as JUNITXML: no such file");
    }

    @Test
    void aDirectory() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        ReportFile f = new ReportParser().parse(sub, "sub", ReportFormat.JUNITXML);
        assertThat(warning(f)).startsWith("could not read sub as JUNITXML: ");
    }

    @Test
    void tooManyElementsStopsWithAWarning() throws IOException {
        Path file = dir.resolve("many.xml");
        Files.writeString(file, "<testsuite>" + "<testcase name=\"t\"/>".repeat(20) + "</testsuite>");
        ReportFile f = new ReportParser(new XmlLimits(10, 100)).parse(file, "many.xml", ReportFormat.JUNITXML);
        assertThat(warning(f)).isEqualTo("could not read many.xml as JUNITXML: line 1: more than 10 elements; stopped reading");
    }

    @Test
    void tooDeepStopsWithAWarning() throws IOException {
        Path file = dir.resolve("deep.xml");
        Files.writeString(file, "<testsuites>" + "<testsuite>".repeat(5000) + "</testsuite>".repeat(5000) + "</testsuites>");
        ReportFile f = new ReportParser().parse(file, "deep.xml", ReportFormat.JUNITXML);
        assertThat(warning(f)).isEqualTo(
                "could not read deep.xml as JUNITXML: line 1: elements nested more than 1000 deep; stopped reading");
    }
}
