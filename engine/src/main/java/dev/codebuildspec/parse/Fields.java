package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Position;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The keys of one mapping, in source order, duplicates already reported. */
final class Fields {
    private final String path;
    private final Position position;
    private final Map<String, Field> byKey;

    Fields(String path, Position position, Map<String, Field> byKey) {
        this.path = path;
        this.position = position;
        this.byKey = new LinkedHashMap<>(byKey);
    }

    static Fields empty(String path, Position position) {
        return new Fields(path, position, Map.of());
    }

    /** Dotted path of the mapping itself; empty for the document root. */
    String path() {
        return path;
    }

    /** Where the mapping's owner (its key) is, for "X is missing" messages. */
    Position position() {
        return position;
    }

    Optional<Field> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    boolean has(String key) {
        return byKey.containsKey(key);
    }

    Collection<Field> all() {
        return byKey.values();
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** Unknown keys are tolerated (CodeBuild adds keys over time) but never silently. */
    void warnUnknown(Set<String> known, Diagnostics diagnostics) {
        String where = path.isEmpty() ? "at the top level" : "in " + path;
        for (Field f : byKey.values()) {
            if (!known.contains(f.key())) {
                diagnostics.warning(f.position(), "unknown key '" + f.key() + "' " + where + " is ignored"
                        + KeySuggester.suggest(f.key(), known).map(s -> " (did you mean '" + s + "'?)").orElse(""));
            }
        }
    }
}
