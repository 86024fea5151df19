package dev.codebuildspec.reports;

import dev.codebuildspec.buildspec.ReportFormat;
import java.io.Serializable;
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
        Optional<CoverageSummary> coverage) implements Serializable {

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

    /** Optional is not serializable: a summary travels (from a Jenkins agent) as this proxy. */
    private Object writeReplace() {
        return new Form(this);
    }

    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String group;
        private final ReportFormat format;
        private final int filesFound;
        private final int filesParsed;
        private final ArrayList<String> warnings;
        private final TestSummary tests;
        private final Double linePercent;
        private final Double branchPercent;
        private final CoverageCounts lines;
        private final CoverageCounts branches;
        private final boolean hasCoverage;

        Form(ReportGroupSummary s) {
            group = s.group;
            format = s.format;
            filesFound = s.filesFound;
            filesParsed = s.filesParsed;
            warnings = new ArrayList<>(s.warnings);
            tests = s.tests.orElse(null);
            hasCoverage = s.coverage.isPresent();
            CoverageSummary c = s.coverage.orElse(CoverageSummary.EMPTY);
            linePercent = c.linePercent().orElse(null);
            branchPercent = c.branchPercent().orElse(null);
            lines = c.lines().orElse(null);
            branches = c.branches().orElse(null);
        }

        private Object readResolve() {
            Optional<CoverageSummary> coverage = hasCoverage ? Optional.of(new CoverageSummary(
                    Optional.ofNullable(linePercent), Optional.ofNullable(branchPercent), Optional.ofNullable(lines),
                    Optional.ofNullable(branches))) : Optional.empty();
            return new ReportGroupSummary(group, format, filesFound, filesParsed, warnings, Optional.ofNullable(tests),
                    coverage);
        }
    }
}
