package io.jenkins.plugins.codebuildspec.parse;

import io.jenkins.plugins.codebuildspec.spec.Buildspec;
import io.jenkins.plugins.codebuildspec.spec.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects diagnostics while the readers walk the tree; they are sorted into source order at the end. */
final class Diagnostics {
    private final String source;
    private final List<Diagnostic> list = new ArrayList<>();

    Diagnostics(String source) {
        this.source = source;
    }

    void error(Position position, String message) {
        list.add(new Diagnostic(Severity.ERROR, source, position, message));
    }

    void warning(Position position, String message) {
        list.add(new Diagnostic(Severity.WARNING, source, position, message));
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Diagnostic::isError);
    }

    ParseResult result(Optional<Buildspec> buildspec) {
        // Stable sort: diagnostics at the same place keep the order the readers found them in.
        List<Diagnostic> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.position().line())
                .thenComparingInt(d -> d.position().column()));
        return new ParseResult(hasErrors() ? Optional.empty() : buildspec, sorted);
    }
}
