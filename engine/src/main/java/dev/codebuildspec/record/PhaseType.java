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
}
