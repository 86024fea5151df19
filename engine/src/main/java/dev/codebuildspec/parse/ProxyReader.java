package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.ProxySpec;
import java.util.Optional;
import java.util.Set;

/** Reads {@code proxy}; kept in the model although a local runner has no use for it. */
final class ProxyReader {
    private static final Set<String> KEYS = Set.of("upload-artifacts", "logs");

    private final NodeReader reader;

    ProxyReader(NodeReader reader) {
        this.reader = reader;
    }

    Optional<ProxySpec> read(Field f) {
        return reader.mapping(f).map(fields -> {
            fields.warnUnknown(KEYS, reader.diagnostics());
            return new ProxySpec(reader.bool(fields, "upload-artifacts", false), reader.bool(fields, "logs", false),
                    f.position());
        });
    }
}
