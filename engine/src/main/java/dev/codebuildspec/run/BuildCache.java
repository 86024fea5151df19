package dev.codebuildspec.run;

import dev.codebuildspec.cache.CacheDirectories;
import dev.codebuildspec.cache.CacheStore;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.FileInput;
import dev.codebuildspec.driver.BuildExpressions;
import dev.codebuildspec.driver.ShellQuote;
import dev.codebuildspec.buildspec.CacheSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Restores the cache before INSTALL and saves it after a successful build, as tar streams
 * through {@code docker exec}. Every problem is a warning: a cache never fails a build.
 */
final class BuildCache {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final CacheSpec spec;
    private final CacheStore store;
    private final List<String> dirs;
    private final Consumer<String> progress;

    /** @param log where its lines go (the build's log, or a list that travels back from a Jenkins agent) */
    BuildCache(CacheSpec spec, CacheStore store, String srcDir, Consumer<String> log) {
        this.spec = spec;
        this.store = store;
        this.dirs = CacheDirectories.of(spec.paths(), srcDir);
        this.progress = log;
    }

    /** Restores what the store has, then lets the driver go on, whatever happened. */
    void restore(Sandbox container, Map<String, String> evaluated) throws InterruptedException {
        try {
            String key = key(evaluated);
            List<String> fallbacks = new ArrayList<>();
            for (int i = 0; i < spec.fallbackKeys().size(); i++) {
                fallbacks.add(evaluated.getOrDefault(BuildExpressions.CACHE_FALLBACK + i, spec.fallbackKeys().get(i)));
            }
            Optional<CacheStore.Entry> entry = store.find(key, spec.key().isPresent() ? fallbacks : List.of());
            if (entry.isEmpty()) {
                progress.accept(key.equals(CacheStore.UNKEYED) ? "No cache found for this project (the cache has no key)"
                        : "No cache found for key '" + key + "'");
            } else {
                progress.accept("Restoring cache " + (entry.get().key().equals(CacheStore.UNKEYED) ? "of this project"
                        : "'" + entry.get().key() + "'") + " ("
                        + Files.size(entry.get().archive()) / 1024 + " KiB) into " + String.join(", ", dirs));
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                try (InputStream in = new FileInput(entry.get().archive())) {
                    // cache-restoring tells the driver the answer has started (DriverEvent.CACHE_REQUEST).
                    int status = container.pipe(List.of("sh", "-c", "touch " + container.stateDir()
                            + "/cache-restoring; exec tar -C / -xf -"), in, err, TIMEOUT);
                    if (status != 0) {
                        progress.accept("Warning: cache restore failed (tar exit " + status + "): " + text(err));
                    }
                }
            }
        } catch (IOException | DockerException e) {
            progress.accept("Warning: cache restore failed: " + e.getMessage());
        }
    }

    /**
     * Lets the waiting driver go on after a restore. Its host calls this once the restore's lines are in the log, so
     * that they keep their place before the next command's output.
     */
    static void ready(Sandbox container, Consumer<String> warnings) throws InterruptedException {
        try {
            container.pipe(List.of("touch", container.stateDir() + "/cache-ready"), InputStream.nullInputStream(),
                    OutputStream.nullOutputStream(), dev.codebuildspec.docker.DockerCli.CONTROL_TIMEOUT);
        } catch (DockerException e) {
            warnings.accept("Warning: " + e.getMessage());
        }
    }

    private static final String NOT_A_DIRECTORY = "codebuild-spec-cache: not a directory:";

    void save(Sandbox container, Map<String, String> evaluated) throws InterruptedException {
        String key = key(evaluated);
        if (store.isImmutable(key)) {
            progress.accept("Cache '" + key + "' already exists; a keyed cache is never overwritten");
            return;
        }
        StringBuilder script = new StringBuilder("cd / || exit 1\nset --\nfor d in");
        for (String d : dirs) {
            script.append(' ').append(ShellQuote.quote(d.substring(1)));
        }
        // Entries that are files are named on stderr (no exec of their own): the local cache keeps directories only.
        script.append("; do if [ -d \"/$d\" ]; then set -- \"$@\" \"$d\"; elif [ -e \"/$d\" ]; then echo \"")
                .append(NOT_A_DIRECTORY).append(" /$d\" >&2; fi; done\n[ $# -gt 0 ] || exit 3\nexec tar -cf - \"$@\"\n");
        // tar's messages apart from the archive: on the same stream they landed between its blocks and broke it
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        try (CacheStore.Pending pending = store.begin(key)) {
            int status = container.pipe(List.of("sh", "-s"),
                    new java.io.ByteArrayInputStream(script.toString().getBytes(StandardCharsets.UTF_8)), pending.out(),
                    said, TIMEOUT);
            text(said).lines().filter(l -> !l.isBlank()).limit(40).forEach(this::saySaved);
            if (status == 3) {
                progress.accept("Nothing to cache: no directory of " + String.join(", ", dirs) + " exists");
            } else if (status != 0) {
                progress.accept("Warning: cache save failed (tar exit " + status + ")");
            } else if (pending.commit()) {
                progress.accept("Saved cache '" + key + "' from " + String.join(", ", dirs));
            } else {
                progress.accept("Cache '" + key + "' was saved meanwhile by another build; kept that one");
            }
        } catch (IOException | DockerException e) {
            progress.accept("Warning: cache save failed: " + e.getMessage());
        }
    }

    /** One line the save's script or tar wrote on stderr. */
    private void saySaved(String line) {
        if (line.startsWith(NOT_A_DIRECTORY + " ")) {
            String file = line.substring(NOT_A_DIRECTORY.length() + 1);
            String parent = file.lastIndexOf('/') > 0 ? file.substring(0, file.lastIndexOf('/')) : "";
            progress.accept("Not cached: " + file + " is a file; the local cache keeps directories only (name its "
                    + "directory instead: '" + parent + "/**/*')");
        } else {
            progress.accept("Cache save: " + line);
        }
    }

    boolean saves() {
        return spec.saves() && !dirs.isEmpty();
    }

    private String key(Map<String, String> evaluated) {
        return spec.key().map(k -> evaluated.getOrDefault(BuildExpressions.CACHE_KEY, k)).orElse(CacheStore.UNKEYED);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8).trim();
    }
}
