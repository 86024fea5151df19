package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Position;
import java.util.Objects;

/**
 * One problem found in a buildspec. {@code position} is {@link Position#UNKNOWN} only when the
 * problem has no place in the text (for example a missing file).
 */
public record Diagnostic(Severity severity, String source, Position position, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Compiler style, so editors and CI log parsers can jump to the place: {@code buildspec.yml:3:5: error: ...};
     * a problem with no place in the text names only the file ({@code buildspec.yml: error: ...}).
     */
    @Override
    public String toString() {
        String place = position.equals(Position.UNKNOWN) ? source : source + ":" + position.line() + ":" + position.column();
        return place + ": " + severity.label() + ": " + message;
    }
}
