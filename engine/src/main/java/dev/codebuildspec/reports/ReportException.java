package dev.codebuildspec.reports;

/** Why a report file could not be read; the message ends up in the file's warning. */
final class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    ReportException(String reason) {
        super(reason);
    }

    static ReportException at(int line, String reason) {
        return new ReportException(line > 0 ? "line " + line + ": " + reason : reason);
    }
}
