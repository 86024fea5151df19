package dev.codebuildspec.acceptance;

import static dev.codebuildspec.acceptance.Jobs.groovy;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.codebuildspec.acceptance.Suite.Where;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a user's builds do, on the controller and on a separate agent: each kind of job, outputs, stop and timeout. */
class BuildsIT {
    private static final Duration BUILD = Duration.ofMinutes(3);
    private static Suite suite;

    @BeforeAll
    static void jenkins() throws Exception {
        suite = Suite.get();
    }

    private static Build run(String job, String script) throws Exception {
        suite.jenkins.createJob(job, Jobs.pipeline(script));
        return suite.jenkins.build(job);
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aScriptedPipelineRunsAnInlineBuildspecOnANewJob(Where where) throws Exception {
        Build b = run("scripted-" + where, """
                node('%s') {
                    def r = codebuildSpec image: '%s', inline: %s
                    echo "status=${r.status} greeting=${r.exportedVariables.GREETING}"
                }
                """.formatted(where.label, suite.image, groovy("""
                version: 0.2
                env:
                  exported-variables: [GREETING]
                phases:
                  build:
                    commands:
                      - echo "hello from $CODEBUILD_BUILD_ID"
                      - export GREETING=hi
                """)));
        assertThat(b.awaitResult(BUILD)).as(b.console()).isEqualTo("SUCCESS");
        String console = b.console();
        assertThat(console).contains("hello from scripted-" + where + ":", "Phase complete: FINALIZING State: SUCCEEDED",
                "status=SUCCEEDED greeting=hi", "Reproduce locally: codebuild-spec run");

        JsonObject record = b.buildspecRecord();
        assertThat(record.get("buildStatus").getAsString()).isEqualTo("SUCCEEDED");
        List<String> phases = new ArrayList<>();
        for (JsonElement p : record.getAsJsonArray("phases")) {
            phases.add(p.getAsJsonObject().get("phaseType").getAsString() + " " + p.getAsJsonObject().get("phaseStatus").getAsString());
        }
        assertThat(phases).containsExactly("DOWNLOAD_SOURCE SUCCEEDED", "INSTALL SUCCEEDED", "PRE_BUILD SUCCEEDED",
                "BUILD SUCCEEDED", "POST_BUILD SUCCEEDED", "UPLOAD_ARTIFACTS SUCCEEDED", "FINALIZING SUCCEEDED");
        // The CLI's record and CodeBuild's BatchGetBuilds shapes: lists of {name, value} and {statusCode, message}.
        assertThat(record.getAsJsonArray("exportedEnvironmentVariables").get(0).toString())
                .isEqualTo("{\"name\":\"GREETING\",\"value\":\"hi\"}");
        JsonObject build = record.getAsJsonArray("phases").get(3).getAsJsonObject();
        assertThat(build.getAsJsonArray("contexts")).isEmpty();
        assertThat(build.get("endTime").getAsLong()).isGreaterThanOrEqualTo(build.get("startTime").getAsLong());
        Suite.assertClean(b, where, List.of());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aDeclarativePipelineFailsWhereTheBuildspecFails(Where where) throws Exception {
        Build b = run("declarative-" + where, """
                pipeline {
                    agent { label '%s' }
                    stages {
                        stage('Build') {
                            steps {
                                codebuildSpec image: '%s', inline: %s
                            }
                        }
                    }
                }
                """.formatted(where.label, suite.image, groovy("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo compiling
                      - exit 3
                  post_build:
                    commands:
                      - echo "post_build sees CODEBUILD_BUILD_SUCCEEDING=$CODEBUILD_BUILD_SUCCEEDING"
                """)));
        assertThat(b.awaitResult(BUILD)).isEqualTo("FAILURE");
        assertThat(b.console()).contains("Phase complete: BUILD State: FAILED",
                "Error while executing command: exit 3. Reason: exit status 3",
                "post_build sees CODEBUILD_BUILD_SUCCEEDING=0", "Buildspec build FAILED: phase BUILD FAILED (COMMAND_EXECUTION_ERROR: "
                        + "Error while executing command: exit 3. Reason: exit status 3)");
        JsonObject record = b.buildspecRecord();
        assertThat(record.get("buildStatus").getAsString()).isEqualTo("FAILED");
        assertThat(record.getAsJsonArray("phases").get(3).getAsJsonObject().getAsJsonArray("contexts").get(0).toString())
                .isEqualTo("{\"message\":\"Error while executing command: exit 3. Reason: exit status 3\","
                        + "\"statusCode\":\"COMMAND_EXECUTION_ERROR\"}");
        Suite.assertClean(b, where, List.of());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aFreestyleJobRunsTheBuildStepAndExportsItsVariables(Where where) throws Exception {
        String job = "freestyle-" + where;
        suite.jenkins.createJob(job, Jobs.freestyle(where.label, suite.image, """
                version: 0.2
                env:
                  exported-variables: [ANSWER]
                phases:
                  build:
                    commands:
                      - echo "freestyle on $(uname -s)"
                      - export ANSWER=42
                """, "<credentials/><env/>"));
        Build b = suite.jenkins.build(job);
        assertThat(b.awaitResult(BUILD)).as(b.console()).isEqualTo("SUCCESS");
        assertThat(b.console()).contains("freestyle on Linux", "Phase complete: BUILD State: SUCCEEDED");
        assertThat(b.buildspecRecord().get("exportedEnvironmentVariables").toString()).contains("ANSWER", "42");
        Suite.assertClean(b, where, List.of());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void artifactsAreArchivedAndJUnitReportsPublished(Where where) throws Exception {
        Build b = run("outputs-" + where, Jobs.step(where.label, suite.image, "", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - mkdir -p out/lib reports
                      - echo app > out/app.txt && echo lib > out/lib/lib.txt
                      - printf '<testsuite name="s" tests="2" failures="1"><testcase classname="c" name="ok"/><testcase classname="c" name="bad"><failure message="no"/></testcase></testsuite>' > reports/TEST-s.xml
                artifacts:
                  files: ['**/*']
                  base-directory: out
                reports:
                  unit:
                    files: ['TEST-*.xml']
                    base-directory: reports
                """));
        assertThat(b.awaitResult(BUILD)).as(b.console()).isEqualTo("UNSTABLE");
        assertThat(b.console()).contains("Report group unit: 1 of 1 file(s) read; 2 tests, 1 passed, 1 failed",
                "Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED");
        List<String> paths = new ArrayList<>();
        b.artifacts().forEach(a -> paths.add(a.getAsJsonObject().get("relativePath").getAsString()));
        assertThat(paths).containsExactlyInAnyOrder("app.txt", "lib/lib.txt");
        JsonObject tests = suite.jenkins.json(b.path() + "testReport/api/json?tree=failCount,passCount").getAsJsonObject();
        assertThat(tests.get("failCount").getAsInt()).isEqualTo(1);
        assertThat(tests.get("passCount").getAsInt()).isEqualTo(1);
        assertThat(b.buildspecRecord().toString()).contains("\"unit\"");
        Suite.assertClean(b, where, List.of());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void theCacheOfOneBuildIsRestoredInTheNext(Where where) throws Exception {
        String job = "cache-" + where;
        suite.jenkins.createJob(job, Jobs.pipeline(Jobs.step(where.label, suite.image, "", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "cached=$(cat /root/.acceptance-cache/n 2>/dev/null || echo none)"
                      - mkdir -p /root/.acceptance-cache && echo "from-$CODEBUILD_BUILD_NUMBER" > /root/.acceptance-cache/n
                cache:
                  paths:
                    - '/root/.acceptance-cache/**/*'
                """)));
        suite.jenkins.groovy("""
                def j = jenkins.model.Jenkins.get()
                def node = '%1$s' == '' ? j : j.getNode('%1$s')
                node.rootPath.child('codebuild-spec-cache').deleteRecursive()
                print('ok')
                """.formatted(where.node));
        Build first = suite.jenkins.build(job);
        assertThat(first.awaitResult(BUILD)).as(first.console()).isEqualTo("SUCCESS");
        assertThat(first.console()).contains("cached=none");
        Build second = suite.jenkins.build(job);
        assertThat(second.awaitResult(BUILD)).as(second.console()).isEqualTo("SUCCESS");
        assertThat(second.console()).contains("cached=from-" + first.number());
        Suite.assertClean(second, where, List.of());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aBatchRunsEachChildInItsOwnContainer(Where where) throws Exception {
        Build b = run("batch-" + where, """
                node('%s') {
                    writeFile file: 'ci/arm.yml', text: %s
                    def r = codebuildSpec image: '%s', batch: true, parallel: 2, inline: %s
                    echo "linux=${r.builds.linux.status} arm=${r.builds.arm.status}"
                }
                """.formatted(where.label, groovy("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "own buildspec of $CODEBUILD_BATCH_BUILD_IDENTIFIER arch=$ARCH"
                """), suite.image, groovy("""
                version: 0.2
                batch:
                  build-list:
                    - identifier: linux
                    - identifier: arm
                      buildspec: ci/arm.yml
                      env:
                        variables:
                          ARCH: arm64
                phases:
                  build:
                    commands:
                      - echo "child $CODEBUILD_BATCH_BUILD_IDENTIFIER arch=${ARCH:-amd64}"
                """)));
        assertThat(b.awaitResult(BUILD)).as(b.console()).isEqualTo("SUCCESS");
        assertThat(b.console()).contains("child linux arch=amd64", "own buildspec of arm arch=arm64",
                "linux=SUCCEEDED arm=SUCCEEDED").doesNotContain("child arm");
        JsonObject record = b.buildspecRecord();
        assertThat(record.get("buildBatchStatus").getAsString()).isEqualTo("SUCCEEDED");
        assertThat(record.getAsJsonArray("builds")).hasSize(2);
        Suite.assertClean(b, where, List.of());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void noContainerRunsThePhasesInsideDockerImageInside(Where where) throws Exception {
        Build b = run("inside-" + where, """
                node('%s') {
                    docker.image('%s').inside {
                        codebuildSpec noContainer: true, inline: %s
                    }
                }
                """.formatted(where.label, suite.image, groovy("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "image=$CODEBUILD_BUILD_IMAGE debian=$(cat /etc/debian_version)"
                """)));
        assertThat(b.awaitResult(BUILD)).as(b.console()).isEqualTo("SUCCESS");
        assertThat(b.console()).containsPattern("\nimage=none debian=12\\.");
        Suite.assertClean(b, where, List.of());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void anAbortStopsTheBuildAndRemovesItsContainer(Where where) throws Exception {
        Build b = run("abort-" + where, Jobs.step(where.label, suite.image, "", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo started
                      - sleep 300
                """));
        b.awaitConsole("\nstarted\n", BUILD);
        suite.jenkins.post(b.path() + "stop", null, new byte[0]);
        assertThat(b.awaitResult(Duration.ofSeconds(60))).isEqualTo("ABORTED");
        assertThat(b.console()).contains("Phase complete: BUILD State: STOPPED", "Phase complete: FINALIZING State: SUCCEEDED");
        Suite.assertClean(b, where, List.of());
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void aTimeoutEndsTheBuildTimedOut(Where where) throws Exception {
        Build b = run("timeout-" + where, Jobs.step(where.label, suite.image, ", timeoutMinutes: 1", """
                version: 0.2
                phases:
                  build:
                    commands:
                      - sleep 600
                """));
        assertThat(b.awaitResult(BUILD)).isEqualTo("FAILURE");
        assertThat(b.console()).contains("Phase complete: BUILD State: TIMED_OUT", "Build timed out after 1 minute(s)");
        assertThat(b.buildspecRecord().get("buildStatus").getAsString()).isEqualTo("TIMED_OUT");
        Suite.assertClean(b, where, List.of());
    }

    @org.junit.jupiter.api.Test
    void badOptionsAreRefusedWithTheEnginesWordsBeforeAnythingRuns() throws Exception {
        Build zero = run("options-timeout", "node('built-in') { codebuildSpec image: '" + suite.image
                + "', timeoutMinutes: 0, inline: 'version: 0.2' }");
        assertThat(zero.awaitResult(BUILD)).isEqualTo("FAILURE");
        assertThat(zero.console()).contains("timeoutMinutes: the timeout must be more than 0 and at most 2160 minutes")
                .doesNotContain("Phase is DOWNLOAD_SOURCE");
        Build reserved = run("options-env", "node('built-in') { codebuildSpec image: '" + suite.image
                + "', env: [codebuildEnv(name: 'CODEBUILD_X', value: 'y')], inline: 'version: 0.2' }");
        assertThat(reserved.awaitResult(BUILD)).isEqualTo("FAILURE");
        assertThat(reserved.console()).contains("No user environment variables can start with CODEBUILD_: CODEBUILD_X")
                .doesNotContain("Phase is DOWNLOAD_SOURCE");
    }
}
