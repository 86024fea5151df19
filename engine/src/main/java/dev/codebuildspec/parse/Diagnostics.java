package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects diagnostics while the readers walk the tree; they are sorted into source order at the end. */
final class Diagnostics {
    private final String source;
    private final List<Diagnostic> list = new ArrayList<>();
    private int batchFrom = -1;
    private int batchTo = -1;

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

    int size() {
        return list.size();
    }

    /** The diagnostics from {@code from} to now came from the batch section (a plain build ignores it). */
    void markBatch(int from) {
        batchFrom = from;
        batchTo = list.size();
    }

    ParseResult result(Optional<Buildspec> buildspec) {
        // Stable sort: diagnostics at the same place keep the order the readers found them in.
        List<Diagnostic> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.position().line())
                .thenComparingInt(d -> d.position().column()));
        List<Diagnostic> batch = batchFrom < 0 ? List.of() : list.subList(batchFrom, batchTo);
        boolean otherErrors = false;
        for (int i = 0; i < list.size(); i++) {
            otherErrors |= list.get(i).isError() && (i < batchFrom || i >= batchTo);
        }
        Optional<Buildspec> withoutBatch = otherErrors ? Optional.empty() : buildspec.map(Buildspec::withoutBatch);
        return new ParseResult(hasErrors() ? Optional.empty() : buildspec, sorted,
                hasErrors() ? withoutBatch : buildspec, batch);
    }

}
