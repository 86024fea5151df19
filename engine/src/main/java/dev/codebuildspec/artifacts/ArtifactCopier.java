package dev.codebuildspec.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a plan's archive tree into a directory (the CLI's {@code --artifacts DIR}): regular files copied with
 * their permissions and times, kept links recreated with the same target text, existing files replaced.
 * Copies whatever the plan holds; whether a plan with a {@link ArtifactPlan#failure()} is copied at all is the
 * caller's decision.
 */
public final class ArtifactCopier {
    private ArtifactCopier() {
    }

    /**
     * @throws IOException on the first entry that cannot be written, including every attempt to write outside
     *     {@code target} (through {@code ..}, or through a symbolic link already in the target tree)
     */
    public static CopyResult copy(ArtifactPlan plan, Path sourceRoot, Path target) throws IOException {
        Files.createDirectories(target);
        Path realTarget = target.toRealPath();
        Path realRoot = sourceRoot.toRealPath();
        // Directories and links first, one by one and in plan order (each checked on the way down, once);
        // then the regular files, several at a time: creating files is what costs, and file systems create
        // them in parallel well.
        Set<Path> checked = new HashSet<>();
        List<Path[]> files = new ArrayList<>();
        int entries = 0;
        for (SelectedFile entry : plan.entries()) {
            Path dest = destination(realTarget, entry.archivePath(), checked);
            if (entry.kind() == EntryKind.SYMLINK) {
                Files.deleteIfExists(dest);
                Files.createSymbolicLink(dest, Path.of(entry.linkTarget().orElseThrow()));
                // Whatever was checked at this path is a link now: nothing may be written through it.
                checked.removeIf(p -> p.startsWith(dest));
            } else {
                files.add(new Path[] {source(realRoot, entry.sourcePath()), dest});
            }
            entries++;
        }
        return new CopyResult(entries, copyFiles(files));
    }

    private static final int MIN_PARALLEL = 64;

    /** Copies (source, destination) pairs; returns the bytes copied. Fails with the first error in list order. */
    private static long copyFiles(List<Path[]> files) throws IOException {
        int threads = Math.min(4, Math.max(2, Runtime.getRuntime().availableProcessors()));
        if (files.size() < MIN_PARALLEL) {
            long bytes = 0;
            for (Path[] f : files) {
                bytes += copyFile(f[0], f[1]);
            }
            return bytes;
        }
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "codebuild-spec artifact copy");
            t.setDaemon(true);
            return t;
        });
        try {
            // Slices, not one task per file: fewer hand-offs, and each thread writes neighbouring files.
            int slice = Math.max(16, files.size() / (threads * 8));
            List<Future<?>> done = new ArrayList<>();
            for (int from = 0; from < files.size(); from += slice) {
                List<Path[]> part = files.subList(from, Math.min(files.size(), from + slice));
                done.add(pool.submit(() -> {
                    for (Path[] f : part) {
                        try {
                            bytes.addAndGet(copyFile(f[0], f[1]));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    done.forEach(d -> d.cancel(false));
                    Throwable cause = e.getCause();
                    if (cause instanceof UncheckedIOException u) {
                        throw u.getCause();
                    }
                    throw new IOException("copying artifacts failed: " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while copying artifacts", e);
                }
            }
            return bytes.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static long copyFile(Path source, Path dest) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
            throw new IOException(source + " is no longer a regular file");
        }
        Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                LinkOption.NOFOLLOW_LINKS);
        return attrs.size();
    }

    /**
     * The path to write, with its parent directories created one by one. The plan's paths are already checked,
     * but a copier that trusts its input is one bug away from writing anywhere: refuse {@code ..} and refuse
     * to pass through any existing link (one left in the target by an earlier run could point anywhere).
     */
    private static Path destination(Path realTarget, String archivePath, Set<Path> checked) throws IOException {
        Path dest = realTarget.resolve(archivePath).normalize();
        if (!dest.startsWith(realTarget) || dest.equals(realTarget)) {
            throw new IOException("refusing to write " + archivePath + " outside " + realTarget);
        }
        Path dir = realTarget;
        Path parents = realTarget.relativize(dest.getParent());
        if (checked.contains(dest.getParent())) {
            return dest;
        }
        for (int i = 0; !parents.toString().isEmpty() && i < parents.getNameCount(); i++) {
            dir = dir.resolve(parents.getName(i));
            if (checked.contains(dir)) {
                continue;
            }
            if (Files.isSymbolicLink(dir)) {
                throw new IOException("refusing to write " + archivePath + " through the symbolic link " + dir);
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir); // fails if a file is in the way, as it should
            }
            checked.add(dir);
        }
        return dest;
    }

    /** The planned source, which must still be a regular file inside the root. */
    private static Path source(Path realRoot, String sourcePath) throws IOException {
        Path source = realRoot.resolve(sourcePath).normalize();
        if (!source.startsWith(realRoot)) {
            throw new IOException("refusing to read " + sourcePath + " outside " + realRoot);
        }
        return source;
    }
}
