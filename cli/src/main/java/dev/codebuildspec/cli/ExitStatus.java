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

    /** The lines of every command's --help, and of the README's table. */
    static final String HEADING = "%nExit status:%n";
    static final String LINE_0 = " 0:the build SUCCEEDED (validate: the buildspec is valid)";
    static final String LINE_1 = " 1:the build FAILED (a missing or invalid buildspec too: it fails in DOWNLOAD_SOURCE, "
            + "with a record), TIMED_OUT or was STOPPED (validate: errors found)";
    static final String LINE_2 = " 2:a command-line error: unknown command or option, bad value, a --source that is not a "
            + "directory (validate: a missing buildspec)";
    static final String LINE_3 = " 3:the build ended FAULT: a failure outside it (no Docker daemon, image unavailable)";

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
