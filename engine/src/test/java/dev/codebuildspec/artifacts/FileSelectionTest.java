package dev.codebuildspec.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSelectionTest {
    @TempDir
    Path temp;
    Path src;
    Tree tree;

    @BeforeEach
    void setUp() throws IOException {
        src = Files.createDirectory(temp.resolve("src"));
        tree = new Tree(src);
    }

    private Selection select(String base, List<String> includes) throws IOException {
        return new FileSelection(src, base, includes, List.of(), false, false).select();
    }

    private static List<String> archivePaths(Selection s) {
        return s.files().stream().map(SelectedFile::archivePath).toList();
    }

    private void docTree() {
        tree.file("my-build-1/my-file-1.txt").file("my-build-2/my-file-2.txt")
                .file("my-build-2/my-subdirectory/my-file-3.txt");
    }

    @Test
    void docExampleA() throws IOException {
        docTree();
        Selection s = select("my-build-2", List.of("*/my-file-3.txt"));
        assertThat(s.files()).containsExactly(
                SelectedFile.file("my-subdirectory/my-file-3.txt", "my-build-2/my-subdirectory/my-file-3.txt"));
        assertThat(s.baseDirectories()).containsExactly("my-build-2");
        assertThat(s.unmatchedPatterns()).isEmpty();
    }

    @Test
    void docExampleB() throws IOException {
        docTree();
        Selection s = new FileSelection(src, "my-build*", List.of("**/*"), List.of(), true, false).select();
        assertThat(s.files()).extracting(SelectedFile::archivePath, SelectedFile::sourcePath).containsExactly(
                tuple("my-file-1.txt", "my-build-1/my-file-1.txt"),
                tuple("my-file-2.txt", "my-build-2/my-file-2.txt"),
                tuple("my-file-3.txt", "my-build-2/my-subdirectory/my-file-3.txt"));
        assertThat(s.baseDirectories()).containsExactly("my-build-1", "my-build-2");
        assertThat(s.collisions()).isEmpty();
    }

    @Test
    void baseDirectoryGlobKeepsPathsBelowEachMatchedDirectory() throws IOException {
        docTree();
        assertThat(archivePaths(select("my-build*", List.of("**/*")))).containsExactly(
                "my-file-1.txt", "my-file-2.txt", "my-subdirectory/my-file-3.txt");
    }

    @Test
    void everythingIncludingDotfiles() throws IOException {
        tree.file("a.txt").file(".env").file(".git/config").file("sub/.hidden/x").file("sub/deep/er/y");
        assertThat(archivePaths(select("", List.of("**/*")))).containsExactly(
                ".env", ".git/config", "a.txt", "sub/.hidden/x", "sub/deep/er/y");
    }

    @Test
    void oneLevelVersusRecursive() throws IOException {
        tree.file("dir/a").file("dir/.b").file("dir/sub/c").file("dir/sub/deeper/d").file("other/e");
        assertThat(archivePaths(select("", List.of("dir/*")))).containsExactly("dir/.b", "dir/a");
        assertThat(archivePaths(select("", List.of("dir/**/*"))))
                .containsExactly("dir/.b", "dir/a", "dir/sub/c", "dir/sub/deeper/d");
    }

    @Test
    void doubleStarMatchesZeroDirectories() throws IOException {
        tree.file("dir/a.txt").file("dir/x/b.txt").file("dir/x/c.log");
        assertThat(archivePaths(select("", List.of("dir/**/*.txt")))).containsExactly("dir/a.txt", "dir/x/b.txt");
        assertThat(archivePaths(select("", List.of("**/a.txt")))).containsExactly("dir/a.txt");
    }

    @Test
    void bareDirectorySelectsItsFilesRecursively() throws IOException {
        tree.file("dist/app.js").file("dist/assets/logo.svg").file("dist/.map").file("distro/no").file("target/x.jar");
        Selection s = select("", List.of("dist", "target/x.jar"));
        assertThat(archivePaths(s)).containsExactly("dist/.map", "dist/app.js", "dist/assets/logo.svg", "target/x.jar");
        assertThat(s.directoryPatterns()).containsExactly("dist");
        assertThat(s.logLines()).containsExactly("dist is a directory; collecting its files recursively");
        assertThat(archivePaths(select("dist", List.of(".")))).containsExactly(".map", "app.js", "assets/logo.svg");
        assertThat(archivePaths(select("", List.of("./dist/")))).hasSize(3);
    }

    @Test
    void unmatchedPatternsAreListed() throws IOException {
        tree.file("a.txt");
        Selection s = select("", List.of("a.txt", "missing/*", "nope.jar"));
        assertThat(archivePaths(s)).containsExactly("a.txt");
        assertThat(s.unmatchedPatterns()).containsExactly("missing/*", "nope.jar");
        assertThat(s.logLines()).containsExactly("Skipping invalid file path missing/*",
                "Skipping invalid file path nope.jar");
    }

    @Test
    void missingBaseDirectoryMatchesNothing() throws IOException {
        tree.file("a.txt");
        Selection s = select("build", List.of("**/*"));
        assertThat(s.files()).isEmpty();
        assertThat(s.baseDirectories()).isEmpty();
        assertThat(s.unmatchedPatterns()).containsExactly("**/*");
    }

    @Test
    void excludePathsWithStarAndDoubleStar() throws IOException {
        tree.file("out/app.jar").file("out/app.log").file("out/logs/a.log").file("out/tmp/t/x").file("out/keep/b.txt");
        Selection s = new FileSelection(src, "out", List.of("**/*"), List.of("*.log", "tmp/**/*"), false, false)
                .select();
        assertThat(archivePaths(s)).containsExactly("app.jar", "keep/b.txt", "logs/a.log");
        s = new FileSelection(src, "out", List.of("**/*"), List.of("**/*.log", "keep"), false, false).select();
        assertThat(archivePaths(s)).as("a literal excluded directory drops its subtree")
                .containsExactly("app.jar", "tmp/t/x");
    }

    @Test
    void discardPathsCollisionNamesBothSources() throws IOException {
        tree.file("a/config.json").file("b/config.json").file("b/other.txt");
        Selection s = new FileSelection(src, "", List.of("**/*"), List.of(), true, false).select();
        assertThat(s.collisions()).containsExactly(new Collision("config.json", "a/config.json", "b/config.json"));
        assertThat(s.collisions().get(0).message())
                .isEqualTo("two files have the archive path config.json: a/config.json and b/config.json");
    }

    @Test
    void twoBaseDirectoriesWithTheSamePathCollide() throws IOException {
        tree.file("build-a/report.txt").file("build-b/report.txt");
        Selection s = select("build-*", List.of("*.txt"));
        assertThat(s.collisions()).extracting(Collision::firstSource, Collision::secondSource)
                .containsExactly(tuple("build-a/report.txt", "build-b/report.txt"));
    }

    @Test
    void sameFileMatchedByTwoPatternsIsNotACollision() throws IOException {
        tree.file("a/x.txt");
        Selection s = select("", List.of("a/*", "**/*.txt", "a"));
        assertThat(s.files()).containsExactly(SelectedFile.file("a/x.txt", "a/x.txt"));
        assertThat(s.collisions()).isEmpty();
        assertThat(s.unmatchedPatterns()).isEmpty();
    }

    @Test
    void parentSegmentsAndAbsolutePathsAreRefused() throws IOException {
        tree.file("in/a.txt");
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Selection s = select("", List.of("../secret.txt", temp.resolve("secret.txt").toString(), "in/a.txt"));
        assertThat(archivePaths(s)).containsExactly("in/a.txt");
        assertThat(s.refused()).extracting(Refusal::reason).containsExactly("contains a '..' segment",
                "is an absolute path; paths are relative to the source directory");
        assertThat(s.unmatchedPatterns()).isEmpty();
        assertThat(s.logLines()).contains("refused ../secret.txt: contains a '..' segment");

        for (String base : List.of("..", "in/../..", temp.toString())) {
            Selection b = select(base, List.of("**/*"));
            assertThat(b.files()).isEmpty();
            assertThat(b.refused()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo(base);
                assertThat(r.reason()).startsWith("base directory ");
            });
        }
    }

    @Test
    void symlinkToAFileOutsideIsRefusedAndReported() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        tree.file("out/ok.txt").link("out/leak.txt", secret.toString()).link("out/leak2.txt", "../../secret.txt");
        Selection s = select("out", List.of("**/*"));
        assertThat(archivePaths(s)).containsExactly("ok.txt");
        assertThat(s.refused()).extracting(Refusal::toString).containsExactly(
                "refused out/leak.txt: symbolic link to a file outside the source tree",
                "refused out/leak2.txt: symbolic link to a file outside the source tree");
        Selection kept = new FileSelection(src, "out", List.of("**/*"), List.of(), false, true).select();
        assertThat(archivePaths(kept)).as("enable-symlinks does not let them out either").containsExactly("ok.txt");
        assertThat(kept.refused()).hasSize(2);
    }

    @Test
    void symlinkToADirectoryOutsideIsRefused() throws IOException {
        Files.writeString(Files.createDirectory(temp.resolve("outside")).resolve("x.txt"), "x");
        tree.file("ok.txt").link("ext", "../outside");
        Selection s = select("", List.of("**/*"));
        assertThat(archivePaths(s)).containsExactly("ok.txt");
        assertThat(s.refused()).extracting(Refusal::toString)
                .containsExactly("refused ext: symbolic link to a directory outside the source tree");
        assertThat(select("ext", List.of("**/*")).refused()).extracting(Refusal::toString)
                .as("also as a base directory")
                .containsExactly("refused ext: symbolic link to a directory outside the source tree");
        assertThat(select("", List.of("ok.txt")).refused()).as("not reported when no pattern reaches it").isEmpty();
    }

    @Test
    void symlinksInsideAreFollowed() throws IOException {
        tree.file("real/lib/a.txt").file("real/b.txt")
                .link("out/lib", "../real/lib").link("out/b.txt", "../real/b.txt");
        Selection s = select("out", List.of("**/*"));
        assertThat(s.files()).containsExactly(
                SelectedFile.file("b.txt", "real/b.txt"),
                SelectedFile.file("lib/a.txt", "real/lib/a.txt"));
        assertThat(s.refused()).isEmpty();
    }

    @Test
    void enableSymlinksKeepsLinks() throws IOException {
        tree.file("out/v2/a.txt").link("out/current", "v2").link("out/abs.txt", src.resolve("out/v2/a.txt").toString());
        Selection s = new FileSelection(src, "out", List.of("**/*"), List.of(), false, true).select();
        assertThat(s.files()).containsExactly(
                SelectedFile.link("abs.txt", "out/abs.txt", "v2/a.txt"),
                SelectedFile.link("current", "out/current", "v2"),
                SelectedFile.file("v2/a.txt", "out/v2/a.txt"));
    }

    @Test
    void symlinkLoopsTerminate() throws IOException {
        tree.file("a/x.txt").link("a/self", ".").link("a/up", "..").link("a/b/back", "../..");
        Selection s = select("", List.of("**/*"));
        assertThat(archivePaths(s)).containsExactly("a/x.txt");
        assertThat(s.refused()).extracting(Refusal::toString).containsExactly(
                "refused a/b/back: a directory loop: it leads back to .",
                "refused a/self: a directory loop: it leads back to a",
                "refused a/up: a directory loop: it leads back to .");
    }

    @Test
    void linkToASiblingIsNotALoop() throws IOException {
        tree.file("a/x.txt").link("b/to-a", "../a");
        assertThat(select("", List.of("**/*")).files()).containsExactly(
                SelectedFile.file("a/x.txt", "a/x.txt"), SelectedFile.file("b/to-a/x.txt", "a/x.txt"));
    }

    @Test
    void brokenSymlinkIsRefused() throws IOException {
        tree.file("a.txt").link("gone", "nowhere");
        Selection s = select("", List.of("**/*"));
        assertThat(archivePaths(s)).containsExactly("a.txt");
        assertThat(s.refused()).extracting(Refusal::toString).containsExactly("refused gone: broken symbolic link");
    }

    @Test
    void rootGivenThroughASymlinkIsResolved() throws IOException {
        tree.file("a.txt");
        Path alias = Files.createSymbolicLink(temp.resolve("alias"), src);
        Selection s = new FileSelection(alias, "", List.of("*"), List.of(), false, false).select();
        assertThat(s.files()).containsExactly(SelectedFile.file("a.txt", "a.txt"));
    }

    @Test
    void awkwardNamesSurvive() throws IOException {
        assertNamesSurvive(List.of("with space.txt", "new\nline.txt", "-rf", "--help", "quote'\"$(x).txt",
                "back\\slash", "tab\there", "*star?", "[x]"));
        assertThat(archivePaths(select("d", List.of("new\nline.txt")))).containsExactly("new\nline.txt");
    }

    /** Non-ASCII names need a UTF-8 sun.jnu.encoding (a UTF-8 locale); under LANG=C they are refused. */
    @Test
    void unicodeNamesSurvive() throws IOException {
        assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "needs a UTF-8 locale for file names");
        assertNamesSurvive(List.of("ünïcödé-日本.txt", "emoji-\uD83D\uDE00"));
    }

    private void assertNamesSurvive(List<String> names) throws IOException {
        names.forEach(n -> tree.file("d/" + n, n));
        Selection s = select("d", List.of("*"));
        assertThat(archivePaths(s)).containsExactlyInAnyOrderElementsOf(names);
        assertThat(s.refused()).isEmpty();
        for (SelectedFile f : s.files()) {
            assertThat(Files.readString(src.resolve(f.sourcePath()), StandardCharsets.UTF_8))
                    .isEqualTo(f.archivePath());
        }
    }

    /**
     * A name that is not UTF-8 cannot round-trip through a Java String under a UTF-8 sun.jnu.encoding: the
     * String has U+FFFD where the bad byte was. It is refused, never archived under a mangled name.
     */
    @Test
    void nonUtf8NamesAreRefused() throws Exception {
        tree.file("d/ok.txt");
        Process p = new ProcessBuilder("sh", "-c", "printf x > \"d/$(printf 'bad\\377name')\"")
                .directory(src.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
        Selection s = select("d", List.of("*"));
        assertThat(archivePaths(s)).containsExactly("ok.txt");
        assertThat(s.refused()).singleElement().satisfies(r -> {
            assertThat(r.reason()).startsWith("the file name is not valid in the platform file-name encoding");
            assertThat(r.path()).startsWith("d/bad").endsWith("name");
        });
    }

    @Test
    void refusedFileStillCountsAsMatchedPattern() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        tree.link("leak.txt", secret.toString());
        Selection s = select("", List.of("leak.txt"));
        assertThat(s.files()).isEmpty();
        assertThat(s.unmatchedPatterns()).isEmpty();
        assertThat(s.refused()).hasSize(1);
    }

    @Test
    void matchedBaseDirectoriesAreNotEntries() throws IOException {
        tree.file("my-build-1/f").dir("my-build-2");
        Selection s = select("my-build*", List.of("**/*"));
        assertThat(s.files()).extracting(SelectedFile::archivePath, SelectedFile::kind)
                .containsExactly(tuple("f", EntryKind.FILE));
        assertThat(s.files().get(0).linkTarget()).isEqualTo(Optional.empty());
    }
}
