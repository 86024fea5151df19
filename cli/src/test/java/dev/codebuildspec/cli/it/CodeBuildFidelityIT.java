package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small differences a CodeBuild user trips on, each as CodeBuild behaves, against a real container. */
class CodeBuildFidelityIT {
    @TempDir
    Path tmp;

    @Test
    void aPhaseOfOnlyAFinallyBlockRunsIt() {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo built
                  post_build:
                    finally:
                      - echo released
                """).run(TestImages.BUSYBOX);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.commandOutput()).containsExactly("built", "released");
        assertThat(r.phaseStatuses()).containsEntry("POST_BUILD", "SUCCEEDED");
    }

    @Test
    void secretsAndAwsNamesAreNotExportedWithAWarningAndTheBuildGoesOn() throws Exception {
        Path secrets = tmp.resolve("secrets.json");
        Files.writeString(secrets, "{\"parameter-store\": {\"/app/db\": \"s3cr3t-db-pass\"}}");
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  parameter-store:
                    DB_PASS: /app/db
                  exported-variables:
                    - DB_PASS
                    - AWS_DEPLOY_ROLE
                    - IMAGE_TAG
                phases:
                  build:
                    commands:
                      - IMAGE_TAG=v1; AWS_DEPLOY_ROLE=deployer
                """).args("--secrets-file", secrets.toString()).run(TestImages.BUSYBOX);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.exported()).containsExactly(java.util.Map.entry("IMAGE_TAG", "v1"));
        assertThat(r.log()).contains("warning: env.exported-variables: DB_PASS is not exported: it is a secret",
                "warning: env.exported-variables: AWS_DEPLOY_ROLE is not exported: names starting with AWS_");
        assertThat(r.log().indexOf("DB_PASS is not exported")).isLessThan(r.log().indexOf("Phase complete: DOWNLOAD_SOURCE"));
    }

    @Test
    void aBrokenBatchSectionIsAWarningInAPlainBuildAndAnErrorInABatchBuild() {
        Workspace ws = new Workspace(tmp).buildspec("""
                version: 0.2
                batch:
                  fast-fail: true
                phases:
                  build:
                    commands:
                      - echo plain
                """);
        CliResult plain = ws.run(TestImages.BUSYBOX);
        assertThat(plain.exit()).as(plain.toString()).isZero();
        assertThat(plain.log()).contains("buildspec.yml:2:1: warning: batch needs exactly one of build-list, "
                + "build-graph, build-matrix, build-fanout; found none (the batch section is ignored: this is not a "
                + "batch build)");
        assertThat(plain.commandOutput()).containsExactly("plain");

        assertThat(ws.cli("validate", "--source", ws.src().toString()).exit()).isZero();
        CliResult strict = ws.cli("validate", "--batch", "--source", ws.src().toString());
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.output()).contains("buildspec.yml:2:1: error: batch needs exactly one of");

        CliResult batch = ws.args("--batch").run(TestImages.BUSYBOX);
        assertThat(batch.exit()).as(batch.toString()).isEqualTo(1);
        assertThat(batch.output()).contains("buildspec.yml:2:1: error: batch needs exactly one of");
    }

    @Test
    void nonAsciiArtifactNamesWorkUnderACLocale() throws Exception {
        Path artifacts = tmp.resolve("artifacts");
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo x > "résumé €.txt"
                artifacts:
                  files: ['*.txt']
                """).processEnv("LANG", "C").processEnv("LC_ALL", "C").args("--artifacts", artifacts.toString())
                .run(TestImages.BUSYBOX);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Files.readString(artifacts.resolve("résumé €.txt"))).isEqualTo("x\n");
    }

    @Test
    void aCachePathThatIsAFileIsSaidToBeOne() {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                cache:
                  paths:
                    - '/root/file.txt'
                    - '/root/.tool/**/*'
                phases:
                  build:
                    commands:
                      - echo x > /root/file.txt
                """).args("--cache-dir", tmp.resolve("cache").toString()).run(TestImages.BUSYBOX);

        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.log()).contains("Not cached: /root/file.txt is a file; the local cache keeps directories only "
                + "(name its directory instead: '/root/**/*')")
                .contains("Nothing to cache: no directory of /root/file.txt, /root/.tool exists")
                .doesNotContain("none of /root/file.txt exists");
    }
}
