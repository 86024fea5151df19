package io.jenkins.plugins.codebuildspec.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        int entries = 0;
        long bytes = 0;
        for (SelectedFile entry : plan.entries()) {
            Path dest = destination(realTarget, entry.archivePath());
            if (entry.kind() == EntryKind.SYMLINK) {
                Files.deleteIfExists(dest);
                Files.createSymbolicLink(dest, Path.of(entry.linkTarget().orElseThrow()));
            } else {
                Path source = source(realRoot, entry.sourcePath());
                Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                bytes += Files.size(dest);
            }
            entries++;
        }
        return new CopyResult(entries, bytes);
    }

    /**
     * The path to write, with its parent directories created one by one. The plan's paths are already checked,
     * but a copier that trusts its input is one bug away from writing anywhere: refuse {@code ..} and refuse
     * to pass through any existing link (one left in the target by an earlier run could point anywhere).
     */
    private static Path destination(Path realTarget, String archivePath) throws IOException {
        Path dest = realTarget.resolve(archivePath).normalize();
        if (!dest.startsWith(realTarget) || dest.equals(realTarget)) {
            throw new IOException("refusing to write " + archivePath + " outside " + realTarget);
        }
        Path dir = realTarget;
        Path parents = realTarget.relativize(dest.getParent());
        for (int i = 0; !parents.toString().isEmpty() && i < parents.getNameCount(); i++) {
            dir = dir.resolve(parents.getName(i));
            if (Files.isSymbolicLink(dir)) {
                throw new IOException("refusing to write " + archivePath + " through the symbolic link " + dir);
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(dir); // fails if a file is in the way, as it should
            }
        }
        return dest;
    }

    /** The planned source, which must still be a regular file inside the root. */
    private static Path source(Path realRoot, String sourcePath) throws IOException {
        Path source = realRoot.resolve(sourcePath).normalize();
        if (!source.startsWith(realRoot)) {
            throw new IOException("refusing to read " + sourcePath + " outside " + realRoot);
        }
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(sourcePath + " is no longer a regular file");
        }
        return source;
    }
}
