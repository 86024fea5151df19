package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.CacheSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code cache}: paths, key, fallback-keys, action. */
final class CacheReader {
    private static final Set<String> KEYS = Set.of("paths", "key", "fallback-keys", "action");

    private final NodeReader reader;

    CacheReader(NodeReader reader) {
        this.reader = reader;
    }

    Optional<CacheSpec> read(Field f) {
        return reader.mapping(f).map(fields -> {
            fields.warnUnknown(KEYS, reader.diagnostics());
            var paths = reader.scalarList(fields, "paths", true).stream().map(Text::toPathPattern).toList();
            Optional<String> key = reader.optionalNonEmpty(fields, "key");
            List<String> fallback = fields.get("fallback-keys").map(fb -> fallbackKeys(fb, key.isPresent()))
                    .orElse(List.of());
            Optional<CacheSpec.Action> action = fields.get("action").flatMap(this::action);
            return new CacheSpec(paths, key, fallback, action, f.position());
        });
    }

    private List<String> fallbackKeys(Field f, boolean hasKey) {
        List<Text> keys = reader.scalarList(f, true);
        if (keys.size() > CacheSpec.MAX_FALLBACK_KEYS) {
            reader.error(f.position(), f.path() + " has " + keys.size() + " entries; at most "
                    + CacheSpec.MAX_FALLBACK_KEYS + " are allowed");
        }
        if (!hasKey) {
            reader.warning(f.position(), f.path() + " is ignored because cache.key is not set");
            return List.of();
        }
        return NodeReader.values(keys);
    }

    private Optional<CacheSpec.Action> action(Field f) {
        return reader.nonEmptyScalar(f).flatMap(t -> {
            switch (t.value().trim().toLowerCase(Locale.ROOT)) {
                case "restore":
                    return Optional.of(CacheSpec.Action.RESTORE);
                case "save":
                    return Optional.of(CacheSpec.Action.SAVE);
                default:
                    reader.error(t.position(), f.path() + " must be restore or save, found " + Nodes.quote(t.value()));
                    return Optional.empty();
            }
        });
    }
}
