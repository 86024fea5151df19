package dev.codebuildspec.cache;

import dev.codebuildspec.docker.FileOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A local cache: one tar archive per cache key, under {@code <root>/<project>/<sha256 of key>/}.
 * A keyed cache, once saved, is never replaced (CodeBuild's rule); the unkeyed cache of a
 * project is replaced by each successful build. Saving is atomic: a reader never sees half an archive.
 */
public final class CacheStore {
    /** The key of a cache section without {@code key}: CodeBuild's original, path-only cache. */
    public static final String UNKEYED = "";
    private static final String ARCHIVE = "cache.tar";
    private static final String KEY_FILE = "key";

    private final Path projectDir;

    public CacheStore(Path root, String project) {
        this.projectDir = root.resolve(project.replaceAll("[^A-Za-z0-9_.-]", "_"));
    }

    /** The archive for {@code key}, else the newest whose key starts with one of {@code fallbackKeys}, in order. */
    public Optional<Entry> find(String key, List<String> fallbackKeys) throws IOException {
        Path exact = archive(key);
        if (Files.isRegularFile(exact)) {
            return Optional.of(new Entry(key, exact));
        }
        for (String prefix : fallbackKeys) {
            Optional<Entry> best = Optional.empty();
            for (Entry e : entries()) {
                if (e.key().startsWith(prefix) && (best.isEmpty()
                        || Files.getLastModifiedTime(e.archive()).compareTo(Files.getLastModifiedTime(best.get().archive())) > 0)) {
                    best = Optional.of(e);
                }
            }
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    public boolean isImmutable(String key) {
        return !key.equals(UNKEYED) && Files.isRegularFile(archive(key));
    }

    /** Starts saving {@code key}: write the archive to {@link Pending#out()}, then commit or discard. */
    public Pending begin(String key) throws IOException {
        Path dir = dir(key);
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".saving-", ".tar");
        return new Pending(key, dir, temp, new FileOutput(temp));
    }

    /** An archive being saved. */
    public final class Pending implements AutoCloseable {
        private final String key;
        private final Path dir;
        private final Path temp;
        private final OutputStream out;

        private Pending(String key, Path dir, Path temp, OutputStream out) {
            this.key = key;
            this.dir = dir;
            this.temp = temp;
            this.out = out;
        }

        public OutputStream out() {
            return out;
        }

        /** Returns false when a keyed cache already existed (it is kept as it was). */
        public boolean commit() throws IOException {
            out.close();
            Files.writeString(dir.resolve(KEY_FILE), key, StandardCharsets.UTF_8);
            if (key.equals(UNKEYED)) {
                replace(archive(key));
                return true;
            }
            try {
                move(temp, archive(key), false);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }

        /**
         * Not a rename over the old archive: ext4 (auto_da_alloc) then writes the new archive's data out before the
         * rename returns, 0.25 s to seconds for a 500 MB cache (bench P10/save). With the old one moved aside first,
         * a reader in the instant between the two renames finds no cache; it never finds half of one.
         */
        private void replace(Path archive) throws IOException {
            Path replaced = dir.resolve(temp.getFileName().toString().replace(".saving-", ".replaced-"));
            boolean had;
            try {
                Files.move(archive, replaced, StandardCopyOption.ATOMIC_MOVE);
                had = true;
            } catch (NoSuchFileException e) {
                had = false;
            }
            move(temp, archive, true);
            if (had) {
                Files.delete(replaced);
            }
        }

        /** Drops what was written; also what {@link #close()} does after a commit. */
        @Override
        public void close() throws IOException {
            out.close();
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link fails if the target exists: first writer wins, atomically.
                Files.createLink(to, from);
            }
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private List<Entry> entries() throws IOException {
        if (!Files.isDirectory(projectDir)) {
            return List.of();
        }
        List<Entry> all = new java.util.ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(projectDir)) {
            for (Path d : dirs) {
                Path keyFile = d.resolve(KEY_FILE);
                if (Files.isRegularFile(d.resolve(ARCHIVE)) && Files.isRegularFile(keyFile)) {
                    all.add(new Entry(Files.readString(keyFile, StandardCharsets.UTF_8), d.resolve(ARCHIVE)));
                }
            }
        }
        return all;
    }

    private Path archive(String key) {
        return dir(key).resolve(ARCHIVE);
    }

    private Path dir(String key) {
        if (key.equals(UNKEYED)) {
            return projectDir.resolve("default");
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return projectDir.resolve(HexFormat.of().formatHex(h));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored cache archive and the key it was saved under. */
    public record Entry(String key, Path archive) {
    }
}
