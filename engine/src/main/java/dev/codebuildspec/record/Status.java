package dev.codebuildspec.record;

/** CodeBuild's build and phase status values. */
public enum Status {
    SUCCEEDED,
    FAILED,
    FAULT,
    TIMED_OUT,
    STOPPED,
    IN_PROGRESS;

    /** How bad an outcome is, to fold phase outcomes into a build status. */
    int severity() {
        return switch (this) {
            case SUCCEEDED, IN_PROGRESS -> 0;
            case FAILED -> 1;
            case FAULT -> 2;
            case TIMED_OUT -> 3;
            case STOPPED -> 4;
        };
    }

    public Status worst(Status other) {
        return other.severity() > severity() ? other : this;
    }
}
