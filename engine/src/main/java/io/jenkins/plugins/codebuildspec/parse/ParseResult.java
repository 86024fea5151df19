package io.jenkins.plugins.codebuildspec.parse;

import io.jenkins.plugins.codebuildspec.spec.Buildspec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of parsing: a buildspec exactly when there is no error, and all diagnostics in source order. */
public record ParseResult(Optional<Buildspec> buildspec, List<Diagnostic> diagnostics) {

    public ParseResult {
        Objects.requireNonNull(buildspec, "buildspec");
        diagnostics = List.copyOf(diagnostics);
        boolean errors = diagnostics.stream().anyMatch(Diagnostic::isError);
        if (errors == buildspec.isPresent()) {
            throw new IllegalArgumentException("a buildspec must be present exactly when there are no errors");
        }
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
}
