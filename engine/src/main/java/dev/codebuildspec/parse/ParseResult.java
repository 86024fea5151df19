package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Buildspec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing: a buildspec exactly when there is no error, and all diagnostics in source order.
 * {@code withoutBatch} is the buildspec less its {@code batch} section, present when every error (if any) is
 * in that section: a plain build ignores the section ({@link #forPlainBuild()}), as CodeBuild does.
 */
public record ParseResult(Optional<Buildspec> buildspec, List<Diagnostic> diagnostics, Optional<Buildspec> withoutBatch,
        List<Diagnostic> batchDiagnostics) {

    public ParseResult {
        Objects.requireNonNull(buildspec, "buildspec");
        diagnostics = List.copyOf(diagnostics);
        batchDiagnostics = List.copyOf(batchDiagnostics);
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        if (errors == buildspec.isPresent()) {
            throw new IllegalArgumentException("a buildspec must be present exactly when there are no errors");
        }
    }

    public ParseResult(Optional<Buildspec> buildspec, List<Diagnostic> diagnostics) {
        this(buildspec, diagnostics, buildspec, List.of());
    }

    public boolean hasErrors() {
        return buildspec.isEmpty();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /**
     * This result as a plain (non-batch) build sees it: problems of the batch section are warnings that say
     * the section is ignored, and the buildspec has no batch section when it had one with errors.
     */
    public ParseResult forPlainBuild() {
        if (batchDiagnostics.stream().noneMatch(Diagnostic::isError)) {
            return this;
        }
        List<Diagnostic> lenient = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            lenient.add(d.isError() && batchDiagnostics.contains(d) ? new Diagnostic(Severity.WARNING, d.source(),
                    d.position(), d.message() + " (the batch section is ignored: this is not a batch build)") : d);
        }
        return new ParseResult(withoutBatch, lenient, withoutBatch, List.of());
    }
}
