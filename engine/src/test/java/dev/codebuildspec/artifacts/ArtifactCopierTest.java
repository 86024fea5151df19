package dev.codebuildspec.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.PathPattern;
import dev.codebuildspec.buildspec.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactCopierTest {
    @TempDir
    Path temp;
    Path src;
    Path out;
    Tree tree;

    @BeforeEach
    void setUp() throws IOException {
        src = Files.createDirectory(temp.resolve("src"));
        out = temp.resolve("out");
        tree = new Tree(src);
    }

    private ArtifactPlan plan(String name, boolean enableSymlinks, String... files) throws IOException {
        List<PathPattern> patterns = Stream.of(files).map(f -> new PathPattern(f, Position.UNKNOWN)).toList();
        ArtifactsSpec spec = new ArtifactsSpec(patterns, Optional.ofNullable(name), false, Optional.empty(),
                List.of(), enableSymlinks, Optional.empty(), Map.of(), Position.UNKNOWN);
        ArtifactPlan plan = ArtifactPlanner.plan(src, spec, EvaluatedArtifacts.none());
        assertThat(plan.failure()).isEmpty();
        return plan;
    }

    @Test
    void reproducesThePlanByteForByte() throws Exception {
        byte[] binary = new byte[300_000];
        new Random(42).nextBytes(binary);
        Files.createDirectories(src.resolve("bin"));
        Files.write(src.resolve("bin/blob.bin"), binary);
        tree.file("bin/empty", "").file("docs/a b.txt").file("docs/new\nline").file("docs/.hidden");

        ArtifactPlan plan = plan("release/1.0", false, "**/*");
        CopyResult result = ArtifactCopier.copy(plan, src, out);

        assertThat(result.entries()).isEqualTo(5);
        long expectedBytes = 0;
        for (String source : plan.archiveMap().values()) {
            expectedBytes += Files.size(src.resolve(source));
        }
        assertThat(result.bytes()).isEqualTo(expectedBytes).isGreaterThan(300_000);
        Map<String, String> expected = new TreeMap<>();
        plan.archiveMap().forEach((archive, source) -> expected.put(archive, digest(src.resolve(source))));
        assertThat(digests(out)).isEqualTo(expected);
        assertThat(expected).containsKey("release/1.0/bin/blob.bin");
    }

    @Test
    void keepsTheExecutableBit() throws IOException {
        tree.file("bin/run.sh", "#!/bin/sh\necho hi\n").file("bin/data");
        Files.setPosixFilePermissions(src.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        ArtifactCopier.copy(plan(null, false, "bin"), src, out);
        assertThat(Files.getPosixFilePermissions(out.resolve("bin/run.sh")))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(Files.getPosixFilePermissions(out.resolve("bin/data")))
                .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void recreatesKeptLinks() throws IOException {
        tree.file("dist/v2/a.txt").link("dist/current", "v2");
        ArtifactCopier.copy(plan(null, true, "dist"), src, out);
        assertThat(Files.isSymbolicLink(out.resolve("dist/current"))).isTrue();
        assertThat(Files.readSymbolicLink(out.resolve("dist/current"))).isEqualTo(Path.of("v2"));
        assertThat(Files.readString(out.resolve("dist/current/a.txt"))).isEqualTo("content of dist/v2/a.txt");
    }

    @Test
    void followedLinksBecomeRegularFiles() throws IOException {
        tree.file("real.txt").link("out/alias.txt", "../real.txt");
        ArtifactCopier.copy(plan(null, false, "out/*"), src, out);
        assertThat(Files.isRegularFile(out.resolve("out/alias.txt"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readString(out.resolve("out/alias.txt"))).isEqualTo("content of real.txt");
    }

    @Test
    void replacesExistingFiles() throws IOException {
        tree.file("a.txt", "new");
        Files.createDirectories(out);
        Files.writeString(out.resolve("a.txt"), "old and longer");
        Files.writeString(out.resolve("unrelated"), "stays");
        ArtifactCopier.copy(plan(null, false, "a.txt"), src, out);
        assertThat(Files.readString(out.resolve("a.txt"))).isEqualTo("new");
        assertThat(Files.readString(out.resolve("unrelated"))).isEqualTo("stays");
    }

    @Test
    void neverWritesThroughALinkLeftInTheTarget() throws IOException {
        tree.file("sub/a.txt");
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("sub"), elsewhere);
        assertThatThrownBy(() -> ArtifactCopier.copy(plan(null, false, "sub/a.txt"), src, out))
                .isInstanceOf(IOException.class).hasMessageContaining("through the symbolic link");
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void refusesArchivePathsThatClimbOut() {
        SelectedFile evil = SelectedFile.file("../evil.txt", "a.txt");
        ArtifactPlan plan = new ArtifactPlan(List.of(new ArtifactSet("", "", List.of(evil),
                new Selection(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()))), List.of());
        tree.file("a.txt");
        assertThatThrownBy(() -> ArtifactCopier.copy(plan, src, out)).isInstanceOf(IOException.class)
                .hasMessageContaining("refusing to write ../evil.txt outside");
        assertThat(temp.resolve("evil.txt")).doesNotExist();
    }

    /** Archive path to SHA-256 of every regular file under {@code dir}, not following links. */
    private static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                out.put(dir.relativize(p).toString(), digest(p));
            }
        }
        return out;
    }

    private static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
