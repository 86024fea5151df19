package io.jenkins.plugins.codebuildspec.driver;

import io.jenkins.plugins.codebuildspec.spec.Command;
import io.jenkins.plugins.codebuildspec.spec.PhaseName;

/** A command and where it stands: the driver reports progress by {@link #id()} only. */
public record CommandRef(int id, PhaseName phase, boolean inFinally, Command command) {
    public String text() {
        return command.text();
    }
}
