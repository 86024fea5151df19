package dev.codebuildspec.buildspec;

import java.util.Objects;
import java.util.Optional;

/**
 * A phase's {@code on-failure} value: {@code ABORT}, {@code CONTINUE}, or one of the
 * {@code RETRY}, {@code RETRY-<count>}, {@code RETRY-<regex>}, {@code RETRY-<count>-<regex>} forms.
 */
public record OnFailure(Mode mode, int retries, Optional<String> regex, Position position) {
    public enum Mode { ABORT, CONTINUE, RETRY }

    /** CodeBuild's {@code RETRY} without a count retries up to three times. */
    public static final int DEFAULT_RETRIES = 3;
    public static final int MAX_RETRIES = 100;

    public OnFailure {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(position, "position");
    }
}
