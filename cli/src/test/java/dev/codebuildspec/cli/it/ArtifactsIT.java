package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UPLOAD_ARTIFACTS end to end: what lands in --artifacts DIR, the log, the record, the status. */
class ArtifactsIT {
    @TempDir
    Path tmp;

    private Path out() {
        return tmp.resolve("artifacts");
    }

    private CliResult run(String buildspec) {
        return new Workspace(tmp).buildspec(buildspec).args("--artifacts", out().toString()).run(TestImages.BUSYBOX);
    }

    private List<String> collected() throws IOException {
        if (!Files.exists(out())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(out())) {
            return files.filter(p -> !Files.isDirectory(p)).map(p -> out().relativize(p).toString()).sorted().toList();
        }
    }

    private static final String TREE = """
                  pre_build:
                    commands:
                      - mkdir -p my-build-1 my-build-2/my-subdirectory && echo 1 > my-build-1/my-file-1.txt
                      - echo 2 > my-build-2/my-file-2.txt && echo 3 > my-build-2/my-subdirectory/my-file-3.txt
                      - cd my-build-1
            """;

    @Test
    void baseDirectoryKeepsPathsBelowIt() throws IOException {
        CliResult r = run("""
                version: 0.2
                phases:
                %s
                artifacts:
                  files:
                    - '*/my-file-3.txt'
                  base-directory: my-build-2
                """.formatted(TREE.stripTrailing()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(collected()).containsExactly("my-subdirectory/my-file-3.txt");
        assertThat(Files.readString(out().resolve("my-subdirectory/my-file-3.txt"))).isEqualTo("3\n");
        assertThat(r.record().getAsJsonObject("artifacts").getAsJsonArray("files").get(0).getAsString())
                .isEqualTo("my-subdirectory/my-file-3.txt");
        assertThat(r.log()).contains("[Container] Expanding base directory path: my-build-2", "[Container] Found 1 file(s)");
        com.google.gson.JsonObject upload = r.record().getAsJsonArray("steps").get(0).getAsJsonObject();
        assertThat(upload.get("name").getAsString()).isEqualTo("ARTIFACTS_UPLOAD");
        assertThat(upload.get("phaseType").getAsString()).isEqualTo("UPLOAD_ARTIFACTS");
    }

    @Test
    void aBaseDirectoryGlobWithDiscardPathsFlattensEverything() throws IOException {
        CliResult r = run("""
                version: 0.2
                phases:
                %s
                artifacts:
                  files:
                    - '**/*'
                  base-directory: 'my-build*'
                  discard-paths: yes
                """.formatted(TREE.stripTrailing()));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(collected()).containsExactly("my-file-1.txt", "my-file-2.txt", "my-file-3.txt");
    }

    @Test
    void nameIsShellEvaluatedAtBuildTimeAndSecondaryArtifactsGoUnderTheirIdentifier() throws IOException {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - mkdir -p dist docs && echo app > dist/app.txt && echo doc > docs/index.html
                      - RELEASE=r42
                artifacts:
                  files:
                    - 'dist/**/*'
                  name: builds/$CODEBUILD_BUILD_NUMBER/$RELEASE
                  secondary-artifacts:
                    docs:
                      files:
                        - index.html
                      base-directory: docs
                """).args("--artifacts", out().toString(), "--build-number", "9").run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(collected()).containsExactly("builds/9/r42/dist/app.txt", "docs/index.html");
        JsonElement docs = r.record().getAsJsonArray("secondaryArtifacts").get(0);
        assertThat(docs.getAsJsonObject().get("artifactIdentifier").getAsString()).isEqualTo("docs");
    }

    @Test
    void artifactsOfAFailedBuildAreKeptButNotAfterAFailedInstall() throws IOException {
        CliResult failedBuild = run("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo partial > out.txt
                      - exit 1
                artifacts:
                  files:
                    - out.txt
                """);
        assertThat(failedBuild.exit()).isEqualTo(1);
        assertThat(failedBuild.phaseStatuses()).containsEntry("UPLOAD_ARTIFACTS", "SUCCEEDED");
        assertThat(collected()).containsExactly("out.txt");

        Path other = tmp.resolve("other");
        CliResult failedInstall = new Workspace(other).buildspec("""
                version: 0.2
                phases:
                  install:
                    commands:
                      - echo partial > out.txt && exit 1
                artifacts:
                  files:
                    - out.txt
                """).args("--artifacts", other.resolve("artifacts").toString()).run(TestImages.BUSYBOX);
        assertThat(failedInstall.phaseStatuses()).doesNotContainKey("UPLOAD_ARTIFACTS");
        assertThat(other.resolve("artifacts")).doesNotExist();
    }

    @Test
    void noMatchingFileFailsTheUploadAndTheBuild() {
        CliResult r = run("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo nothing
                artifacts:
                  files:
                    - 'target/*.jar'
                """);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.buildStatus()).isEqualTo("FAILED");
        assertThat(r.log()).contains("[Container] Skipping invalid file path target/*.jar",
                "Phase complete: UPLOAD_ARTIFACTS State: FAILED",
                "Phase context status code: CLIENT_ERROR Message: no matching artifact paths found");
    }

    @Test
    void twoFilesFlattenedToOneNameFailNamingBoth() throws IOException {
        CliResult r = run("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - mkdir -p a b && echo a > a/same.txt && echo b > b/same.txt
                artifacts:
                  files:
                    - '**/same.txt'
                  discard-paths: yes
                """);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.log()).contains("a/same.txt").contains("b/same.txt").contains("UPLOAD_ARTIFACTS State: FAILED")
                .contains("Found 2 file(s)");
        assertThat(collected()).isEmpty();
    }

    @Test
    void nothingOutsideTheSourceTreeIsCollected() throws IOException {
        CliResult r = run("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - ln -s /etc/passwd passwd-link && ln -s /etc etc-link && echo ok > ok.txt
                artifacts:
                  files:
                    - '**/*'
                    - '../../../etc/shadow'
                    - /etc/hostname
                """);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(collected()).containsExactly("buildspec.yml", "ok.txt");
        assertThat(r.log()).contains("refused passwd-link").contains("refused etc-link");
    }
}
