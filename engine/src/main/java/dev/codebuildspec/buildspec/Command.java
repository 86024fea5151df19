package dev.codebuildspec.buildspec;

import java.util.Objects;

/** One entry of a phase's {@code commands} or {@code finally} list, exactly as written. */
public record Command(String text, Position position) {
    public Command {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(position, "position");
    }
}
