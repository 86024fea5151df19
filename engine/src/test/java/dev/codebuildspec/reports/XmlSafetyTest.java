package dev.codebuildspec.reports;

import static dev.codebuildspec.reports.Fixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile XML: entities are never expanded and no local file or URL is ever read, whatever a
 * report's DOCTYPE says. The secret file's content must appear nowhere in the result.
 */
class XmlSafetyTest {
    private static final String SECRET = "TOP-SECRET-7f3a9c";

    @TempDir
    Path dir;

    private Path secret() throws IOException {
        return Files.writeString(dir.resolve("secret.txt"), SECRET);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
    void billionLaughsIsNotExpanded() throws IOException {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        ReportFile f = parseText(dir, "lol.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [" + dtd + "]>\n"
                + "<testsuite name=\"&lol9;\"><testcase name=\"&lol9;\"/></testsuite>\n", ReportFormat.JUNITXML);
        assertThat(f.warning()).contains("could not read reports/lol.xml as JUNITXML: line 3: "
                + "The entity \"lol9\" was referenced, but not declared.");
        assertThat(f.tests()).isEmpty();
    }

    @Test
    void anInternalXxeEntityIsNotResolved() throws IOException {
        String uri = secret().toUri().toString();
        ReportFile f = parseText(dir, "xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite [<!ENTITY xxe SYSTEM \""
                + uri + "\">]>\n<testsuite><testcase name=\"a\"><failure message=\"x\">&xxe;</failure></testcase></testsuite>\n",
                ReportFormat.JUNITXML);
        assertThat(f.warning()).contains("could not read reports/xxe.xml as JUNITXML: line 3: "
                + "The entity \"xxe\" was referenced, but not declared.");
        assertThat(f.toString()).doesNotContain(SECRET);
    }

    @Test
    void anExternalDtdIsNotLoaded() throws IOException {
        // Were ext.dtd loaded, &xxe; would be declared and expand to the secret; it is not, and a
        // non-validating parser may not complain about an entity an unread external subset might declare.
        Path dtd = Files.writeString(dir.resolve("ext.dtd"), "<!ENTITY xxe SYSTEM \"" + secret().toUri() + "\">");
        ReportFile f = parseText(dir, "ext.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE testsuite SYSTEM \"" + dtd.toUri()
                + "\">\n<testsuite name=\"&xxe;\"><testcase name=\"a\" time=\"1\"/></testsuite>\n", ReportFormat.JUNITXML);
        assertThat(f.toString()).doesNotContain(SECRET);
        assertThat(f.tests()).contains(TestSummary.of(1, 0, 0, 0, 1));
    }

    @Test
    void aParameterEntityIsNotLoaded() throws IOException {
        String uri = secret().toUri().toString();
        ReportFile f = parseText(dir, "pe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE coverage [<!ENTITY % pe SYSTEM \""
                + uri + "\"> %pe;]>\n<coverage line-rate=\"0.5\"/>\n", ReportFormat.COBERTURAXML);
        assertThat(f.toString()).doesNotContain(SECRET);
    }

    @Test
    void xxeInEveryXmlFormat() throws IOException {
        String uri = secret().toUri().toString();
        String[][] docs = {
            {"TESTNGXML", "<testng-results><suite><test-method status=\"PASS\" name=\"&xxe;\"/></suite></testng-results>"},
            {"NUNITXML", "<test-results><test-case result=\"Success\" name=\"&xxe;\"/></test-results>"},
            {"NUNIT3XML", "<test-run><test-case result=\"Passed\" name=\"&xxe;\"/></test-run>"},
            {"VISUALSTUDIOTRX", "<TestRun><Results><UnitTestResult outcome=\"Passed\" testName=\"&xxe;\"/></Results></TestRun>"},
            {"COBERTURAXML", "<coverage line-rate=\"1\"><sources><source>&xxe;</source></sources></coverage>"},
            {"JACOCOXML", "<report name=\"&xxe;\"/>"},
            {"CLOVERXML", "<coverage><project name=\"&xxe;\"><metrics statements=\"1\"/></project></coverage>"},
        };
        for (String[] doc : docs) {
            ReportFile f = parseText(dir, "r.xml", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"" + uri + "\">]>" + doc[1],
                    ReportFormat.valueOf(doc[0]));
            assertThat(f.warning()).as(doc[0]).hasValueSatisfying(w -> assertThat(w).contains("\"xxe\" was referenced"));
            assertThat(f.toString()).doesNotContain(SECRET);
        }
    }
}
