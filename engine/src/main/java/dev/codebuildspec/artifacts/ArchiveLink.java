package dev.codebuildspec.artifacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A symbolic link recreated in an archive: whether it stays inside, and what it points to there. */
final class ArchiveLink {
    private ArchiveLink() {
    }

    /**
     * Whether a link recreated at {@code archivePath} with {@code target} resolves inside the archive.
     * The link's archive directory is a real directory, so leading {@code ..} segments are exact; a
     * {@code ..} after a name could climb out of a directory reached through another link, and is
     * refused (found by FileSelectionPathSafetyTest: {@code d0/d1/d2/up -> ../..} under base directory
     * {@code d0/d1} landed at {@code d2/up -> ../..}, outside the artifacts directory).
     */
    static boolean staysInArchive(String archivePath, String target) {
        int depth = archivePath.split("/", -1).length - 1;
        int up = 0;
        boolean named = false;
        for (String seg : target.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (named) {
                    return false;
                }
                up++;
            } else {
                named = true;
            }
        }
        return !target.startsWith("/") && up <= depth;
    }

    /** The target to write for a link that stays inside: as written when relative, else relative to its source. */
    static String target(Path link, Path source, Path real) {
        try {
            Path text = Files.readSymbolicLink(link);
            if (!text.isAbsolute()) {
                return text.toString();
            }
        } catch (IOException e) {
            // Fall through: the resolved target is as good and already known to be inside.
        }
        return source.getParent().relativize(real).toString();
    }
}
