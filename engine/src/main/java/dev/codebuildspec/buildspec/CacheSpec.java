package dev.codebuildspec.buildspec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code cache} section. An absent {@link #action()} means restore and save. */
public record CacheSpec(
        List<PathPattern> paths,
        Optional<String> key,
        List<String> fallbackKeys,
        Optional<Action> action,
        Position position) implements Serializable {

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

    /** Optional is not serializable: the section travels (to a Jenkins agent) as this proxy. */
    private Object writeReplace() {
        return new Form(this);
    }

    private static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private final ArrayList<PathPattern> paths;
        private final String key;
        private final ArrayList<String> fallbackKeys;
        private final Action action;
        private final Position position;

        Form(CacheSpec c) {
            paths = new ArrayList<>(c.paths);
            key = c.key.orElse(null);
            fallbackKeys = new ArrayList<>(c.fallbackKeys);
            action = c.action.orElse(null);
            position = c.position;
        }

        private Object readResolve() {
            return new CacheSpec(paths, Optional.ofNullable(key), fallbackKeys, Optional.ofNullable(action), position);
        }
    }
}
