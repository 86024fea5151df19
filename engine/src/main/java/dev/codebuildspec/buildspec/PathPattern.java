package dev.codebuildspec.buildspec;

import java.util.Objects;

/** One path or glob from {@code files}, {@code exclude-paths} or {@code cache.paths}, as written. */
public record PathPattern(String pattern, Position position) implements java.io.Serializable {
    public PathPattern {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(position, "position");
    }
}
