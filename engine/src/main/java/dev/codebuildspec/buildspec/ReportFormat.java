package dev.codebuildspec.buildspec;

import java.util.Locale;
import java.util.Optional;

/** Values of a report group's {@code file-format}; test formats first, then coverage formats. */
public enum ReportFormat {
    JUNITXML(false),
    CUCUMBERJSON(false),
    TESTNGXML(false),
    VISUALSTUDIOTRX(false),
    NUNITXML(false),
    NUNIT3XML(false),
    CLOVERXML(true),
    COBERTURAXML(true),
    JACOCOXML(true),
    SIMPLECOV(true);

    /** CodeBuild's default when {@code file-format} is absent. */
    public static final ReportFormat DEFAULT = JUNITXML;

    private final boolean coverage;

    ReportFormat(boolean coverage) {
        this.coverage = coverage;
    }

    public boolean isCoverage() {
        return coverage;
    }

    /** CodeBuild accepts the format names in any case. */
    public static Optional<ReportFormat> fromYaml(String text) {
        String upper = text.trim().toUpperCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.name().equals(upper)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
