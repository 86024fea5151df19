package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.PathPattern;
import dev.codebuildspec.buildspec.Position;

/** A scalar's raw text and where it starts. */
record Text(String value, Position position) {
    PathPattern toPathPattern() {
        return new PathPattern(value, position);
    }
}
