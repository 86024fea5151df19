package dev.codebuildspec.docker;

/** Labels on every container we start, so that leftovers can always be found. */
public final class Labels {
    public static final String PREFIX = "io.jenkins.codebuildspec.";
    /** Who owns the container: {@code cli:<host>:<pid>:<process start millis>} or a Jenkins build. */
    public static final String OWNER = PREFIX + "owner";
    public static final String BUILD_ID = PREFIX + "build-id";
    public static final String STARTED = PREFIX + "started";
    /**
     * {@code <uid>:<gid>:<source dir in the container>} when the files the build makes must be
     * handed back to a user who is not root: the reaper does it for a build whose owner died.
     */
    public static final String HAND_BACK = PREFIX + "hand-back";

    private Labels() {
    }
}
