package dev.codebuildspec.reports;

import dev.codebuildspec.buildspec.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One report group after the build: how many files were found and read, the warnings, and the
 * sum of the readable files. {@code tests} is present for a test format and {@code coverage} for
 * a coverage format, each only when at least one file could be read.
 */
public record ReportGroupSummary(
        String group,
        ReportFormat format,
        int filesFound,
        int filesParsed,
        List<String> warnings,
        Optional<TestSummary> tests,
        Optional<CoverageSummary> coverage) {

    public ReportGroupSummary {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(format, "format");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(coverage, "coverage");
    }

    public static ReportGroupSummary of(String group, ReportFormat format, List<ReportFile> files) {
        List<String> warnings = new ArrayList<>();
        int parsed = 0;
        Optional<TestSummary> tests = Optional.empty();
        Optional<CoverageSummary> coverage = Optional.empty();
        for (ReportFile f : files) {
            f.warning().ifPresent(warnings::add);
            if (f.isReadable()) {
                parsed++;
            }
            if (f.tests().isPresent()) {
                tests = Optional.of(tests.orElse(TestSummary.EMPTY).plus(f.tests().get()));
            }
            if (f.coverage().isPresent()) {
                coverage = Optional.of(coverage.orElse(CoverageSummary.EMPTY).plus(f.coverage().get()));
            }
        }
        return new ReportGroupSummary(group, format, files.size(), parsed, warnings, tests, coverage);
    }
}
