package dev.codebuildspec.artifacts;

/** A path pattern, base directory or archive name that is refused before any file is looked at. */
public final class PatternError extends Exception {
    private static final long serialVersionUID = 1L;

    private final String pattern;

    public PatternError(String pattern, String reason) {
        super(reason);
        this.pattern = pattern;
    }

    /** The text as written. */
    public String pattern() {
        return pattern;
    }

    /** Why it is refused, e.g. {@code contains a '..' segment}. */
    public String reason() {
        return getMessage();
    }
}
