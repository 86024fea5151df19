package dev.codebuildspec.buildspec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code cache} section. An absent {@link #action()} means restore and save. */
public record CacheSpec(
        List<PathPattern> paths,
        Optional<String> key,
        List<String> fallbackKeys,
        Optional<Action> action,
        Position position) {

    public enum Action { RESTORE, SAVE }

    public static final int MAX_FALLBACK_KEYS = 5;

    public CacheSpec {
        paths = List.copyOf(paths);
        Objects.requireNonNull(key, "key");
        fallbackKeys = List.copyOf(fallbackKeys);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(position, "position");
    }

    public boolean restores() {
        return action.map(a -> a == Action.RESTORE).orElse(true);
    }

    public boolean saves() {
        return action.map(a -> a == Action.SAVE).orElse(true);
    }
}
