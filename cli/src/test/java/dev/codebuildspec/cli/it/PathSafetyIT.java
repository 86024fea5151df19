package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Path safety end to end: the build (root in its container) plants links to the HOST's files
 * (an absolute link is resolved on the host, where the CLI collects), loops, a newline and a
 * non-UTF-8 name, and asks for {@code ..}, absolute paths and outside base directories. Nothing
 * outside the source tree reaches the artifacts directory, the walk ends, the newline name
 * survives intact, the non-UTF-8 name is refused with its reason. The property over random trees
 * is FileSelectionPathSafetyTest (engine).
 */
class PathSafetyIT {
    private static final String PLANT = """
            version: 0.2
            phases:
              build:
                commands:
                  - echo ok > ok.txt
                  - ln -s /etc/passwd leak-abs && ln -s ../../../../../../../../etc/passwd leak-rel && ln -s / root-link
                  - mkdir -p loop/deep && ln -s .. loop/deep/up && ln -s . loop/self && ln -s ../loop loop/deep/again
                  - printf newline > "$(printf 'new\\nline.txt')"
                  - printf bad > "$(printf 'bad\\377name.txt')"
                  - mkdir -p kept && ln -s ../ok.txt kept/to-ok
            artifacts:
            %s
            """;

    @TempDir
    Path tmp;

    private CliResult run(String artifacts) {
        return new Workspace(tmp).buildspec(PLANT.formatted(artifacts.indent(2).stripTrailing()))
                .processEnv("LANG", "C.UTF-8").args("--artifacts", tmp.resolve("artifacts").toString())
                .run(TestImages.DEBIAN);
    }

    private List<Path> collected() throws IOException {
        Path out = tmp.resolve("artifacts");
        if (!Files.exists(out)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> !p.equals(out)).map(out::relativize).sorted().toList();
        }
    }

    @Test
    void hostileTreeAndPatternsCollectOnlyTheTree() throws Exception {
        CliResult r = run("""
                files:
                  - '**/*'
                  - '../*'
                  - /etc/hostname
                  - 'loop/**/*'
                """);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(collected()).extracting(Path::toString).containsExactlyInAnyOrder(
                "buildspec.yml", "ok.txt", "new\nline.txt", "kept", "kept/to-ok");
        assertThat(Files.readString(tmp.resolve("artifacts/new\nline.txt"))).isEqualTo("newline");
        assertThat(Files.isSymbolicLink(tmp.resolve("artifacts/kept/to-ok"))).as("followed, not kept").isFalse();
        String passwd = Files.readString(Path.of("/etc/passwd"));
        try (Stream<Path> s = Files.walk(tmp.resolve("artifacts"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(p)).as(p.toString()).isNotEqualTo(passwd);
            }
        }
        assertThat(r.log()).contains(
                "refused ../*: contains a '..' segment",
                "refused /etc/hostname: is an absolute path",
                "refused leak-abs: symbolic link to a file outside the source tree",
                "refused leak-rel: symbolic link to a file outside the source tree",
                "refused root-link: symbolic link to a directory outside the source tree",
                "refused loop/deep/up: a directory loop",
                "refused loop/self: a directory loop",
                "the file name is not valid in the platform file-name encoding");
        assertThat(r.recordJson()).doesNotContain("bad\\ufffdname").doesNotContain("leak-abs\"");
    }

    @Test
    void keptLinksStayInsideAndOutsideBaseDirectoriesAreRefused() throws Exception {
        CliResult kept = run("""
                files:
                  - '**/*'
                base-directory: kept
                enable-symlinks: yes
                """);
        // The only candidate is refused, so nothing matched: UPLOAD_ARTIFACTS fails, as documented.
        assertThat(kept.exit()).as(kept.toString()).isEqualTo(1);
        assertThat(kept.phaseStatuses()).containsEntry("UPLOAD_ARTIFACTS", "FAILED");
        assertThat(collected()).extracting(Path::toString).isEmpty();
        assertThat(kept.log()).contains("refused kept/to-ok: symbolic link ../ok.txt would point outside the artifact");

        for (String base : List.of("..", "root-link", "/etc", "loop/deep/up/..")) {
            CliResult r = new Workspace(tmp.resolve(base.replace('/', '_').replace('.', 'd')))
                    .buildspec(PLANT.formatted("  files: ['**/*']\n  base-directory: '" + base + "'"))
                    .args("--artifacts", tmp.resolve("out-" + base.hashCode()).toString()).run(TestImages.BUSYBOX);
            assertThat(r.phaseStatuses()).as(r.toString()).containsEntry("UPLOAD_ARTIFACTS", "FAILED");
            Path out = tmp.resolve("out-" + base.hashCode());
            assertThat(!Files.exists(out) || Arrays.asList(out.toFile().list()).isEmpty()).as(base).isTrue();
            assertThat(r.log()).as(base).contains("refused ");
        }
    }
}
