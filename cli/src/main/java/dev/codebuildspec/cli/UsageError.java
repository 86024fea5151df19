package dev.codebuildspec.cli;

/** A command line that cannot be run as given (exit status 2). */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }
}
