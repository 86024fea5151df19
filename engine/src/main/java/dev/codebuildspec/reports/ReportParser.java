package dev.codebuildspec.reports;

import dev.codebuildspec.buildspec.ReportFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one report file in a report group's {@code file-format} into a test or coverage
 * summary. Never throws: whatever is wrong with the file (truncated, empty, another format,
 * hostile XML, unreadable) becomes the {@link ReportFile}'s warning, because a bad report must
 * not break the build (CodeBuild marks the report, not the build). Files are streamed, so their
 * size does not matter for memory. Thread-safe.
 */
public final class ReportParser {
    private static final int BUFFER = 64 * 1024;

    private final XmlLimits limits;

    public ReportParser() {
        this(XmlLimits.DEFAULT);
    }

    ReportParser(XmlLimits limits) {
        this.limits = limits;
    }

    /** {@code displayPath} names the file in the result and the warning, e.g. {@code reports/x.xml}. */
    public ReportFile parse(Path file, String displayPath, ReportFormat format) {
        try {
            if (Files.size(file) == 0) {
                return ReportFile.unreadable(displayPath, format, "the file is empty");
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
                return format.isCoverage()
                        ? ReportFile.ofCoverage(displayPath, format, coverage(format, in))
                        : ReportFile.ofTests(displayPath, format, tests(format, in));
            }
        } catch (ReportException e) {
            return ReportFile.unreadable(displayPath, format, e.getMessage());
        } catch (NoSuchFileException e) {
            return ReportFile.unreadable(displayPath, format, "no such file");
        } catch (IOException e) {
            return ReportFile.unreadable(displayPath, format, String.valueOf(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours or of a parser must cost one report, not the build.
            return ReportFile.unreadable(displayPath, format, "unexpected " + e);
        }
    }

    private TestSummary tests(ReportFormat format, InputStream in) throws IOException, ReportException {
        return switch (format) {
            case JUNITXML -> JUnitXml.read(xml(in));
            case TESTNGXML -> TestNgXml.read(xml(in));
            case NUNITXML -> NUnit2Xml.read(xml(in));
            case NUNIT3XML -> NUnit3Xml.read(xml(in));
            case VISUALSTUDIOTRX -> TrxXml.read(xml(in));
            case CUCUMBERJSON -> CucumberJson.read(in);
            default -> throw new IllegalArgumentException(format + " is not a test format");
        };
    }

    private CoverageSummary coverage(ReportFormat format, InputStream in) throws IOException, ReportException {
        return switch (format) {
            case COBERTURAXML -> CoberturaXml.read(xml(in));
            case JACOCOXML -> JacocoXml.read(xml(in));
            case CLOVERXML -> CloverXml.read(xml(in));
            case SIMPLECOV -> SimpleCovJson.read(in);
            default -> throw new IllegalArgumentException(format + " is not a coverage format");
        };
    }

    private XmlCursor xml(InputStream in) throws ReportException {
        return new XmlCursor(in, limits);
    }
}
