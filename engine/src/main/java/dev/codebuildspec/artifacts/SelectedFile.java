package dev.codebuildspec.artifacts;

import java.util.Objects;
import java.util.Optional;

/**
 * One archive entry.
 *
 * @param archivePath where it goes in the archive, '/'-separated
 * @param sourcePath where it is, relative to the real source root. For {@link EntryKind#FILE} this is the
 *     real file with every symbolic link resolved, so a consumer reads a regular file inside the root and
 *     never follows a link itself; for {@link EntryKind#SYMLINK} it is the link itself
 * @param kind file content or kept link
 * @param linkTarget for a kept link, what the recreated link points to: the link's own text when it is
 *     relative, otherwise the target made relative to the link's directory (an absolute target would point
 *     back into the build's tree)
 */
public record SelectedFile(String archivePath, String sourcePath, EntryKind kind, Optional<String> linkTarget) {
    public SelectedFile {
        Objects.requireNonNull(archivePath, "archivePath");
        Objects.requireNonNull(sourcePath, "sourcePath");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(linkTarget, "linkTarget");
    }

    static SelectedFile file(String archivePath, String sourcePath) {
        return new SelectedFile(archivePath, sourcePath, EntryKind.FILE, Optional.empty());
    }

    static SelectedFile link(String archivePath, String sourcePath, String target) {
        return new SelectedFile(archivePath, sourcePath, EntryKind.SYMLINK, Optional.of(target));
    }

    /** The same entry placed under an archive prefix such as {@code out1/name/} ("" for none). */
    SelectedFile under(String prefix) {
        return new SelectedFile(prefix + archivePath, sourcePath, kind, linkTarget);
    }
}
