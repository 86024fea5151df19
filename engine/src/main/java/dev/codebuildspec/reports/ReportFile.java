package dev.codebuildspec.reports;

import dev.codebuildspec.buildspec.ReportFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What one report file said. A file that could not be read has a warning and no summary: a
 * file either counts in full or not at all, so a group's totals never mix in half a file.
 */
public record ReportFile(
        String path,
        ReportFormat format,
        Optional<TestSummary> tests,
        Optional<CoverageSummary> coverage,
        Optional<String> warning) {

    public ReportFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(coverage, "coverage");
        Objects.requireNonNull(warning, "warning");
    }

    public static ReportFile ofTests(String path, ReportFormat format, TestSummary tests) {
        return new ReportFile(path, format, Optional.of(tests), Optional.empty(), Optional.empty());
    }

    public static ReportFile ofCoverage(String path, ReportFormat format, CoverageSummary coverage) {
        return new ReportFile(path, format, Optional.empty(), Optional.of(coverage), Optional.empty());
    }

    /** {@code reason} is the parser's, e.g. {@code line 3: unexpected end of file}. */
    public static ReportFile unreadable(String path, ReportFormat format, String reason) {
        String warning = "could not read " + path + " as " + format + ": " + reason;
        return new ReportFile(path, format, Optional.empty(), Optional.empty(), Optional.of(warning));
    }

    public boolean isReadable() {
        return warning.isEmpty();
    }
}
