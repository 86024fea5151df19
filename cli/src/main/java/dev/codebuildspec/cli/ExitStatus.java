package dev.codebuildspec.cli;

import dev.codebuildspec.record.Status;
import java.util.List;

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

    /** Every command's --help ends with these, as the README's table says them. */
    private static final List<String[]> MEANINGS = List.of(
            new String[] {"   0", "the build SUCCEEDED (validate: the buildspec is valid)"},
            new String[] {"   1", "the build FAILED (a missing or invalid buildspec too: it fails in DOWNLOAD_SOURCE, "
                    + "with a record), TIMED_OUT or was STOPPED (validate: errors found)"},
            new String[] {"   2", "a command-line error: unknown command or option, bad value, a --source that is not a "
                    + "directory (validate: a missing buildspec)"},
            new String[] {"   3", "the build ended FAULT: a failure outside it (no Docker daemon, image unavailable)"});

    private ExitStatus() {
    }

    static String help() {
        return "\nExit status:\n" + HelpText.table(MEANINGS);
    }

    static int of(Status status) {
        return switch (status) {
            case SUCCEEDED -> SUCCEEDED;
            case FAULT -> FAULT;
            default -> FAILED;
        };
    }
}
