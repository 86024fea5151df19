package dev.codebuildspec.record;

import dev.codebuildspec.buildspec.PhaseName;

/** CodeBuild's phase types, as far as a local build has them, in order. */
public enum PhaseType {
    DOWNLOAD_SOURCE,
    INSTALL,
    PRE_BUILD,
    BUILD,
    POST_BUILD,
    UPLOAD_ARTIFACTS,
    FINALIZING;

    public static PhaseType of(PhaseName name) {
        return valueOf(name.name());
    }

    /** The phase of this name; empty for any other word. */
    public static java.util.Optional<PhaseType> named(String name) {
        try {
            return java.util.Optional.of(valueOf(name));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
