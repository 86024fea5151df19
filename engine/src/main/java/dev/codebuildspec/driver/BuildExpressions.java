package dev.codebuildspec.driver;

import dev.codebuildspec.artifacts.EvaluatedArtifacts;
import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.CacheSpec;
import java.util.Map;
import java.util.Optional;

/**
 * The buildspec values CodeBuild evaluates with the shell at build time: artifact {@code name}
 * and {@code base-directory} after the last phase, the cache {@code key} and {@code fallback-keys}
 * before INSTALL. The driver reports each under a key ({@link EvaluatedArtifacts#key}, {@link #CACHE_KEY}).
 */
public final class BuildExpressions {
    public static final String PREFIX = "@";
    public static final String CACHE_KEY = "cache.key";
    public static final String CACHE_FALLBACK = "cache.fallback.";

    private static final String HASH_FILES = """
            #!/bin/sh
            # codebuild-hash-files PATTERN...: one SHA-256 over the files of the source that match.
            cd "${CODEBUILD_SRC_DIR:-.}" || exit 1
            for p in "$@"; do
              find . -type f -path "./$p"
              case $p in '**/'*) find . -type f -path "./${p#\\*\\*/}" ;; esac
            done | sort -u | while IFS= read -r f; do sha256sum "$f"; done | sha256sum | cut -d' ' -f1
            """;

    private BuildExpressions() {
    }


    static void appendCacheRestore(StringBuilder out, Buildspec spec, String stateDir) {
        Optional<CacheSpec> cache = spec.cache().filter(c -> !c.paths().isEmpty() && c.restores());
        if (cache.isEmpty()) {
            return;
        }
        String bin = stateDir + ".bin";
        out.append("\n# cache\nmkdir -p ").append(ShellQuote.quote(bin)).append(" && cat >")
                .append(ShellQuote.quote(bin + "/codebuild-hash-files")).append(" <<'__CBS_EOF'\n")
                .append(HASH_FILES).append("__CBS_EOF\n")
                .append("chmod 755 ").append(ShellQuote.quote(bin + "/codebuild-hash-files")).append('\n')
                .append("PATH=").append(ShellQuote.quote(bin)).append(":$PATH; export PATH\n");
        cache.get().key().ifPresent(k -> expr(out, CACHE_KEY, k));
        for (int i = 0; i < cache.get().fallbackKeys().size(); i++) {
            expr(out, CACHE_FALLBACK + i, cache.get().fallbackKeys().get(i));
        }
        out.append("__cbs_cache_restore\n");
    }

    static void appendArtifactExpressions(StringBuilder out, Buildspec spec) {
        if (spec.artifacts().isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder();
        appendSet(body, EvaluatedArtifacts.PRIMARY, spec.artifacts().get());
        for (Map.Entry<String, ArtifactsSpec> e : spec.artifacts().get().secondaryArtifacts().entrySet()) {
            appendSet(body, e.getKey(), e.getValue());
        }
        if (!body.isEmpty()) {
            out.append("if [ \"$__cbs_up\" = 1 ]; then\n").append(body).append("fi\n");
        }
    }

    private static void appendSet(StringBuilder out, String id, ArtifactsSpec set) {
        set.name().ifPresent(n -> expr(out, EvaluatedArtifacts.key(id, "name"), n));
        set.baseDirectory().ifPresent(b -> expr(out, EvaluatedArtifacts.key(id, "base-directory"), b));
    }

    private static void expr(StringBuilder out, String key, String text) {
        // Evaluated as the inside of a double-quoted word: only its quotes need escaping.
        out.append("__cbs_expr ").append(ShellQuote.quote(key)).append(' ')
                .append(ShellQuote.quote(text.replace("\"", "\\\""))).append('\n');
    }
}
