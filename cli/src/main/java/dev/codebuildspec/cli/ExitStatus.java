package dev.codebuildspec.cli;

import dev.codebuildspec.record.Status;

/** The CLI's exit statuses, and the one mapping from a build's status to them (the README and --help say the same). */
final class ExitStatus {
    /** The build SUCCEEDED; validate: the buildspec is valid; gc: done. */
    static final int SUCCEEDED = 0;
    /** The build FAILED, TIMED_OUT or was STOPPED; validate: the buildspec has errors. */
    static final int FAILED = 1;
    /** Any command-line error: an unknown option or command, a missing or bad value, a missing source. */
    static final int USAGE = 2;
    /** A FAULT: the build could not be run or ended by a failure outside it (no Docker daemon, no image). */
    static final int FAULT = 3;

    private ExitStatus() {
    }

    static int of(Status status) {
        return switch (status) {
            case SUCCEEDED -> SUCCEEDED;
            case FAULT -> FAULT;
            default -> FAILED;
        };
    }
}
