package dev.codebuildspec.parse;

import static dev.codebuildspec.parse.Parse.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.BatchSpec;
import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.OnFailure;
import dev.codebuildspec.buildspec.PathPattern;
import dev.codebuildspec.buildspec.PhaseName;
import dev.codebuildspec.buildspec.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FullBuildspecTest {

    private static final String FULL_02 = String.join("\n",
            "version: 0.2",                                   // 1
            "run-as: codebuild-user",                         // 2
            "env:",                                           // 3
            "  shell: bash",                                  // 4
            "  variables:",                                   // 5
            "    JAVA_VERSION: 1.10",                         // 6
            "    DEBUG: yes",                                 // 7
            "    MODE: 0777",                                 // 8
            "    HOME_ISH: ~",                                // 9
            "    NOTHING: null",                              // 10
            "  parameter-store:",                             // 11
            "    DB_PASSWORD: /prod/db/password",             // 12
            "  secrets-manager:",                             // 13
            "    TOKEN: my-secret:token",                     // 14
            "  exported-variables:",                          // 15
            "    - IMAGE_TAG",                                // 16
            "  git-credential-helper: yes",                   // 17
            "proxy:",                                         // 18
            "  upload-artifacts: no",                         // 19
            "  logs: yes",                                    // 20
            "phases:",                                        // 21
            "  install:",                                     // 22
            "    runtime-versions:",                          // 23
            "      java: corretto17",                         // 24
            "  pre_build:",                                   // 25
            "    commands:",                                  // 26
            "      - IMAGE_TAG=$(date +%s)",                  // 27
            "  build:",                                       // 28
            "    run-as: root",                               // 29
            "    on-failure: RETRY-2-timeout",                // 30
            "    commands:",                                  // 31
            "      - \"echo build: started\"",                // 32
            "      - |",                                      // 33
            "        set -e",                                 // 34
            "        mvn -B package",                         // 35
            "      - >",                                      // 36
            "        docker build",                           // 37
            "        -t app .",                               // 38
            "    finally:",                                   // 39
            "      - echo done",                              // 40
            "  post_build:",                                  // 41
            "    on-failure: CONTINUE",                       // 42
            "    commands:",                                  // 43
            "      - echo $CODEBUILD_BUILD_SUCCEEDING",       // 44
            "reports:",                                       // 45
            "  junit:",                                       // 46
            "    files: ['**/TEST-*.xml']",                   // 47
            "    base-directory: target/surefire-reports",    // 48
            "    discard-paths: yes",                         // 49
            "  coverage:",                                    // 50
            "    files: [jacoco.xml]",                        // 51
            "    file-format: JACOCOXML",                     // 52
            "artifacts:",                                     // 53
            "  files:",                                       // 54
            "    - target/app.jar",                           // 55
            "  name: app-$(date +%Y-%m-%d)",                  // 56
            "  discard-paths: no",                            // 57
            "  base-directory: .",                            // 58
            "  exclude-paths: ['**/*.tmp']",                  // 59
            "  enable-symlinks: yes",                         // 60
            "  s3-prefix: builds",                            // 61
            "  secondary-artifacts:",                         // 62
            "    docs:",                                      // 63
            "      files: ['docs/**/*']",                     // 64
            "cache:",                                         // 65
            "  key: maven-$(codebuild-hash-files pom.xml)",   // 66
            "  fallback-keys: [maven-]",                      // 67
            "  action: save",                                 // 68
            "  paths: ['/root/.m2/**/*']",                    // 69
            "batch:",                                         // 70
            "  fast-fail: true",                              // 71
            "  build-graph:",                                 // 72
            "    - identifier: build1",                       // 73
            "      env:",                                     // 74
            "        image: aws/codebuild/standard:7.0",      // 75
            "        privileged-mode: true",                  // 76
            "        variables:",                             // 77
            "          BUILD_ID: 1.0",                        // 78
            "    - identifier: build2",                       // 79
            "      buildspec: other.yml",                     // 80
            "      depend-on: [build1]",                      // 81
            "      ignore-failure: yes",                      // 82
            "      debug-session: no",                        // 83
            "");

    @Test
    void fullVersion02BuildspecParsesIntoTheModel() {
        ParseResult r = parse(FULL_02);
        assertThat(r.diagnostics()).isEmpty();
        Buildspec b = r.buildspec().orElseThrow();
        assertThat(b.version()).isEqualTo("0.2");
        assertThat(b.sourceName()).isEqualTo("buildspec.yml");
        assertThat(b.runAs()).contains("codebuild-user");

        assertThat(b.env().shell()).isEqualTo("bash");
        assertThat(b.env().variables().values()).extracting(v -> v.name() + "=" + v.value()).containsExactly(
                "JAVA_VERSION=1.10", "DEBUG=yes", "MODE=0777", "HOME_ISH=~", "NOTHING=null");
        assertThat(b.env().variables().get("JAVA_VERSION").position()).isEqualTo(new Position(6, 5));
        assertThat(b.env().parameterStore().get("DB_PASSWORD").value()).isEqualTo("/prod/db/password");
        assertThat(b.env().secretsManager().get("TOKEN").value()).isEqualTo("my-secret:token");
        assertThat(b.env().exportedVariables()).containsExactly("IMAGE_TAG");
        assertThat(b.env().gitCredentialHelper()).isTrue();
        assertThat(b.proxy().orElseThrow().logs()).isTrue();

        assertThat(b.phases().keySet()).containsExactly(
                PhaseName.INSTALL, PhaseName.PRE_BUILD, PhaseName.BUILD, PhaseName.POST_BUILD);
        assertThat(b.phase(PhaseName.INSTALL).orElseThrow().runtimeVersions()).isEqualTo(Map.of("java", "corretto17"));
        var build = b.phase(PhaseName.BUILD).orElseThrow();
        assertThat(build.runAs()).contains("root");
        assertThat(build.onFailure()).contains(
                new OnFailure(OnFailure.Mode.RETRY, 2, Optional.of("timeout"), new Position(30, 17)));
        assertThat(build.commands()).containsExactly(
                new Command("echo build: started", new Position(32, 9)),
                new Command("set -e\nmvn -B package\n", new Position(33, 9)),
                new Command("docker build -t app .\n", new Position(36, 9)));
        assertThat(build.finallyCommands()).containsExactly(new Command("echo done", new Position(40, 9)));
        assertThat(b.phase(PhaseName.POST_BUILD).orElseThrow().onFailure().orElseThrow().mode())
                .isEqualTo(OnFailure.Mode.CONTINUE);

        assertThat(b.reports().keySet()).containsExactly("junit", "coverage");
        var junit = b.reports().get("junit");
        assertThat(junit.files()).containsExactly(new PathPattern("**/TEST-*.xml", new Position(47, 13)));
        assertThat(junit.baseDirectory()).contains("target/surefire-reports");
        assertThat(junit.discardPaths()).isTrue();

        var artifacts = b.artifacts().orElseThrow();
        assertThat(artifacts.files()).extracting(PathPattern::pattern).containsExactly("target/app.jar");
        assertThat(artifacts.name()).contains("app-$(date +%Y-%m-%d)");
        assertThat(artifacts.discardPaths()).isFalse();
        assertThat(artifacts.baseDirectory()).contains(".");
        assertThat(artifacts.excludePaths()).extracting(PathPattern::pattern).containsExactly("**/*.tmp");
        assertThat(artifacts.enableSymlinks()).isTrue();
        assertThat(artifacts.s3Prefix()).contains("builds");
        assertThat(artifacts.secondaryArtifacts().get("docs").files()).extracting(PathPattern::pattern)
                .containsExactly("docs/**/*");

        var cache = b.cache().orElseThrow();
        assertThat(cache.key()).contains("maven-$(codebuild-hash-files pom.xml)");
        assertThat(cache.fallbackKeys()).containsExactly("maven-");
        assertThat(cache.restores()).isFalse();
        assertThat(cache.paths()).extracting(PathPattern::pattern).containsExactly("/root/.m2/**/*");

        BatchSpec batch = b.batch().orElseThrow();
        assertThat(batch.fastFail()).isTrue();
        assertThat(batch.kind()).isEqualTo(BatchSpec.Kind.BUILD_GRAPH);
        assertThat(batch.tasks()).hasSize(2);
        var t1 = batch.tasks().get(0);
        assertThat(t1.env().image()).contains("aws/codebuild/standard:7.0");
        assertThat(t1.env().privilegedMode()).contains(true);
        assertThat(t1.env().variables()).isEqualTo(Map.of("BUILD_ID", "1.0"));
        var t2 = batch.tasks().get(1);
        assertThat(t2.buildspec()).contains("other.yml");
        assertThat(t2.dependOn()).containsExactly("build1");
        assertThat(t2.ignoreFailure()).isTrue();
        assertThat(t2.debugSession()).isFalse();
    }

    @Test
    void fullVersion01BuildspecParsesIntoTheModel() {
        String yaml = String.join("\n",
                "version: 0.1",
                "environment_variables:",
                "  plaintext:",
                "    JAVA_HOME: /usr/lib/jvm/java-8",
                "phases:",
                "  install:",
                "    commands:",
                "      - apt-get update -y",
                "  build:",
                "    commands:",
                "      - mvn install",
                "artifacts:",
                "  files:",
                "    - target/messageUtil-1.0.jar",
                "  discard-paths: yes",
                "");
        ParseResult r = parse(yaml);
        assertThat(r.diagnostics()).isEmpty();
        Buildspec b = r.buildspec().orElseThrow();
        assertThat(b.isLegacyVersion()).isTrue();
        assertThat(b.env().variables().get("JAVA_HOME").value()).isEqualTo("/usr/lib/jvm/java-8");
        assertThat(b.phase(PhaseName.INSTALL).orElseThrow().commands()).extracting(Command::text)
                .containsExactly("apt-get update -y");
        assertThat(b.artifacts().orElseThrow().discardPaths()).isTrue();
    }

    @Test
    void matrixBuildspec() {
        String yaml = Parse.v02(String.join("\n",
                "batch:",
                "  build-matrix:",
                "    static:",
                "      ignore-failure: false",
                "      env:",
                "        type: LINUX_CONTAINER",
                "        privileged-mode: true",
                "    dynamic:",
                "      buildspec:",
                "        - matrix1.yml",
                "        - matrix2.yml",
                "      env:",
                "        image: [aws/codebuild/standard:6.0, aws/codebuild/standard:7.0]",
                "        variables:",
                "          MY_VAR: [VALUE1, 2.10, yes]",
                ""));
        ParseResult r = parse(yaml);
        assertThat(r.diagnostics()).isEmpty();
        var m = r.buildspec().orElseThrow().batch().orElseThrow().matrix().orElseThrow();
        assertThat(m.staticConfig().env().type()).contains("LINUX_CONTAINER");
        assertThat(m.staticConfig().env().privilegedMode()).contains(true);
        assertThat(m.dynamic().buildspecs()).containsExactly("matrix1.yml", "matrix2.yml");
        assertThat(m.dynamic().images()).hasSize(2);
        assertThat(m.dynamic().variables()).isEqualTo(Map.of("MY_VAR", List.of("VALUE1", "2.10", "yes")));
    }

    @Test
    void anchorsAndMergeKeysWork() {
        String yaml = "version: 0.2\nphases:\n  pre_build:\n    commands: &common\n      - make deps\n"
                + "  build:\n    commands: *common\n";
        ParseResult r = parse(yaml);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.buildspec().orElseThrow().phase(PhaseName.BUILD).orElseThrow().commands())
                .extracting(Command::text).containsExactly("make deps");
    }
}
