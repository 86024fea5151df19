package dev.codebuildspec.lint;

/** One thing wrong in a view or help file, said so that a reader can fix it without Jenkins. */
final class LintProblem extends Exception {
    private static final long serialVersionUID = 1L;

    LintProblem(String message) {
        super(message);
    }
}
