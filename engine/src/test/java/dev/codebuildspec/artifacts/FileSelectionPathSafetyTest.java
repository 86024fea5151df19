package dev.codebuildspec.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import dev.codebuildspec.testing.Hang;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path safety as a property over random hostile trees and patterns (the hand-written cases are in
 * {@link FileSelectionTest}): links to outside files and directories, to {@code /}, chains of
 * links, loops, broken links, odd names; patterns and base directories with {@code ..}, absolute
 * paths, globs. Whatever the mix: the walk ends quickly, every collected file is a real file inside
 * the real root and was collected under its own name, archive paths stay relative and below the
 * archive root, kept links point inside the archive.
 */
class FileSelectionPathSafetyTest {
    private static final String OUTSIDE = "OUTSIDE-CONTENT";
    private static final String[] NAMES = {"a.txt", "with space", "new\nline", "-rf", "--help", "quote'\"$(x)",
        "back\\slash", "tab\there", "*star?", "[x]", ".hidden", "..dots", "...", "~", "\u00fcn\u00efc\u00f6d\u00e9",
        "emoji-\ud83d\ude00", "x"};
    private static final String[] PATTERNS = {"**/*", "*", "**", "d0/**/*", "../**/*", "/etc/passwd", "**/../*",
        "./**/*", "d0/../../*", "**/secret.txt", "*/*/*", "l*", "**/.*", "~", "$HOME/*", "d0", "d0/", "//etc/*",
        "d0/./../..", "**/**/..", "\\..\\x", "d*/l*/**/*"};
    private static final String[] BASES = {"", ".", "d0", "d*", "..", "../outside", "/", "lout", "lroot", "d0/../..",
        "*", "**", "d0/*", "lloop", "./.", "/tmp"};

    @TempDir
    Path temp;

    @Test
    void randomHostileTreesNeverLeakAndAlwaysEnd() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), OUTSIDE);
        Random r = new Random(Long.getLong("codebuildspec.paths.seed", 4711L));
        int trees = Integer.getInteger("codebuildspec.paths.trees", 150);
        for (int t = 0; t < trees; t++) {
            Path root = Files.createDirectories(temp.resolve("src" + t));
            build(r, root, outside);
            for (int k = 0; k < 4; k++) {
                List<String> includes = new ArrayList<>();
                for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                    includes.add(PATTERNS[r.nextInt(PATTERNS.length)]);
                }
                List<String> excludes = r.nextInt(4) == 0 ? List.of(PATTERNS[r.nextInt(PATTERNS.length)]) : List.of();
                FileSelection fs = new FileSelection(root, BASES[r.nextInt(BASES.length)], includes, excludes,
                        r.nextInt(5) == 0, r.nextBoolean());
                Selection s = assertTimeoutPreemptively(Hang.LIMIT, fs::select, () -> "walk of " + fs);
                check(root, fs, s);
            }
        }
    }

    @Test
    void aKeptLinkMovedUpByTheBaseDirectoryIsRefusedNotPointedOutside() throws Exception {
        Path root = Files.createDirectories(temp.resolve("fixed"));
        Files.createDirectories(root.resolve("d0/d1/d2"));
        Files.writeString(root.resolve("d0/d1/d2/a.txt"), "a.txt");
        Files.createSymbolicLink(root.resolve("d0/d1/d2/up"), Path.of("../.."));
        Files.createSymbolicLink(root.resolve("d0/d1/d2/sibling"), Path.of("a.txt"));
        Selection s = new FileSelection(root, "d0/d1", List.of("**/*"), List.of(), false, true).select();
        assertThat(s.files()).containsExactly(SelectedFile.file("d2/a.txt", "d0/d1/d2/a.txt"),
                SelectedFile.link("d2/sibling", "d0/d1/d2/sibling", "a.txt"));
        assertThat(s.refused()).extracting(Refusal::toString).containsExactly("refused d0/d1/d2/up: symbolic link ../.. "
                + "would point outside the artifact at d2/up (base-directory or discard-paths moved it)");
        assertThat(ArchiveLink.staysInArchive("a/b/l", "../../x")).isTrue();
        assertThat(ArchiveLink.staysInArchive("a/b/l", "../../../x")).isFalse();
        assertThat(ArchiveLink.staysInArchive("a/l", "x/../../y")).isFalse();
        assertThat(ArchiveLink.staysInArchive("l", "./.")).isTrue();
    }

    private static void build(Random r, Path root, Path outside) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(root));
        for (int i = 0; i < 4; i++) {
            Path parent = dirs.get(r.nextInt(dirs.size()));
            dirs.add(Files.createDirectories(parent.resolve("d" + i)));
        }
        for (int i = 0; i < 8; i++) {
            Path dir = dirs.get(r.nextInt(dirs.size()));
            String name = NAMES[r.nextInt(NAMES.length)];
            if (!Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                Files.writeString(dir.resolve(name), name, StandardCharsets.UTF_8); // content = own name
            }
        }
        String[][] links = {{"lout", outside.toString()}, {"lsecret", outside.resolve("secret.txt").toString()},
            {"lroot", "/"}, {"letc", "/etc"}, {"lup", ".."}, {"lself", "."}, {"lupup", "../.."},
            {"lrelout", "../../outside/secret.txt"}, {"linside", root.toString()}, {"lbroken", "nowhere"},
            {"lloop", "lloop2"}, {"lloop2", "lloop"}, {"lchain", "lout"}, {"lproc", "/proc/self/root/etc"}};
        for (int i = 0; i < 6; i++) {
            Path dir = dirs.get(r.nextInt(dirs.size()));
            String[] l = links[r.nextInt(links.length)];
            Path link = dir.resolve(l[0]);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, Path.of(l[1]));
            }
        }
    }

    private static void check(Path root, FileSelection fs, Selection s) throws IOException {
        Path real = root.toRealPath();
        for (SelectedFile f : s.files()) {
            String what = f + " from " + fs;
            assertThat(f.archivePath()).as(what).doesNotStartWith("/").isNotEmpty();
            for (String seg : f.archivePath().split("/", -1)) {
                assertThat(seg).as(what).isNotIn("", ".", "..");
            }
            Path source = real.resolve(f.sourcePath());
            if (f.kind() == EntryKind.FILE) {
                Path resolved = source.toRealPath();
                assertThat(resolved.startsWith(real)).as("inside the root: " + what).isTrue();
                assertThat(Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)).as(what).isTrue();
                String content = Files.readString(resolved, StandardCharsets.UTF_8);
                assertThat(content).as(what).isNotEqualTo(OUTSIDE);
                // Collected under its own name (content is the name it was created with), unless flattened.
                assertThat(content).as("name intact: " + what).isEqualTo(resolved.getFileName().toString());
                if (!fs.discardPaths()) {
                    String last = f.archivePath().substring(f.archivePath().lastIndexOf('/') + 1);
                    assertThat(last).as("archive name of " + what).isIn(NAMES);
                }
            } else {
                // A kept link must point inside the archive: resolve it from the link's archive directory.
                String target = f.linkTarget().orElseThrow();
                assertThat(target).as(what).doesNotStartWith("/");
                Path dir = Path.of("/archive", f.archivePath()).getParent();
                assertThat(dir.resolve(target).normalize().startsWith("/archive")).as("link inside: " + what).isTrue();
                assertThat(source.toRealPath().startsWith(real)).as("link target inside the root: " + what).isTrue();
            }
        }
    }
}
