package io.jenkins.plugins.codebuildspec.build;

import io.jenkins.plugins.codebuildspec.record.BuildRecord;
import io.jenkins.plugins.codebuildspec.record.Status;

/** The record of a finished build; {@code fault} marks a failure outside the build itself. */
public record BuildResult(BuildRecord record, boolean fault) {
    public Status status() {
        return record.buildStatus();
    }
}
