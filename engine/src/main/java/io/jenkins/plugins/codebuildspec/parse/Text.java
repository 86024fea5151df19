package io.jenkins.plugins.codebuildspec.parse;

import io.jenkins.plugins.codebuildspec.spec.PathPattern;
import io.jenkins.plugins.codebuildspec.spec.Position;

/** A scalar's raw text and where it starts. */
record Text(String value, Position position) {
    PathPattern toPathPattern() {
        return new PathPattern(value, position);
    }
}
