package dev.codebuildspec.parse;

/** ERROR fails the build before any command runs; WARNING is logged and the build goes on. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word used in {@link Diagnostic#toString()}, compiler style. */
    public String label() {
        return label;
    }
}
