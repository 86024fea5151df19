package io.jenkins.plugins.codebuildspec.steps;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hudson.FilePath;
import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * A controller restart in the middle of BUILD: the driver keeps running in the container; after
 * the restart the step re-attaches, sees the phase end, and the build succeeds with its full
 * phase table. The buildspec waits for a file the second session creates.
 */
class CodeBuildSpecRestartTest {
    @RegisterExtension
    static BuildWatcherExtension buildWatcher = new BuildWatcherExtension();

    @RegisterExtension
    JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @BeforeAll
    static void docker() {
        assumeTrue(CodeBuildSpecJenkinsTest.dockerWorks(), "needs a Docker daemon");
    }

    @Test
    void survivesRestart() throws Throwable {
        sessions.then(r -> {
            CodeBuildSpecJenkinsTest.addSecretText("token", CodeBuildSpecJenkinsTest.SECRET);
            WorkflowJob j = r.createProject(WorkflowJob.class, "p");
            j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + CodeBuildSpecJenkinsTest.IMAGE
                    + "', credentials: [codebuildCredential(credentialsId: 'token', variable: 'TOKEN')],"
                    + " inline: 'version: 0.2\\nphases:\\n  build:\\n    commands:\\n"
                    + "      - echo waiting; while [ ! -e go ]; do sleep 1; done\\n      - echo \"after restart $TOKEN\"\\n' }", true));
            WorkflowRun b = j.scheduleBuild2(0).waitForStart();
            r.waitForMessage("Running command echo waiting", b);
        });
        sessions.then(r -> {
            WorkflowJob j = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun b = j.getBuildByNumber(1);
            FilePath ws = r.jenkins.getWorkspaceFor(j);
            ws.child("go").write("", "UTF-8");
            r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
            r.assertLogContains("after restart ***", b);
            r.assertLogContains("Phase complete: BUILD State: SUCCEEDED", b);
            r.assertLogNotContains(CodeBuildSpecJenkinsTest.SECRET, b);
            CodeBuildSpecJenkinsTest.assertNoSecretOnDisk(b.getRootDir());
        });
    }

    @Test
    void aBatchSurvivesRestart() throws Throwable {
        sessions.then(r -> {
            WorkflowJob j = r.createProject(WorkflowJob.class, "b");
            j.setDefinition(new CpsFlowDefinition("node { def res = codebuildSpec image: '" + CodeBuildSpecJenkinsTest.IMAGE
                    + "', batch: true, parallel: 2, inline: 'version: 0.2\\nbatch:\\n  build-list:\\n    - identifier: one\\n"
                    + "    - identifier: two\\nphases:\\n  build:\\n    commands:\\n"
                    + "      - echo waiting; while [ ! -e go ]; do sleep 1; done\\n"
                    + "      - echo \"after restart in $CODEBUILD_BATCH_BUILD_IDENTIFIER\"\\n'\n"
                    + "  echo \"batch ${res.status} one=${res.builds.one.status} two=${res.builds.two.status}\" }", true));
            WorkflowRun b = j.scheduleBuild2(0).waitForStart();
            r.waitForMessage("[one] ", b);
            r.waitForMessage("[two] ", b);
            r.waitForMessage("[one] waiting", b);
            r.waitForMessage("[two] waiting", b);
        });
        sessions.then(r -> {
            WorkflowJob j = r.jenkins.getItemByFullName("b", WorkflowJob.class);
            WorkflowRun b = j.getBuildByNumber(1);
            // Each child works on its own copy of the workspace, under the workspace's @tmp.
            FilePath tmp = hudson.slaves.WorkspaceList.tempDir(r.jenkins.getWorkspaceFor(j));
            for (FilePath batch : tmp.list("codebuild-spec-batch-*")) {
                batch.child("one").child("go").write("", "UTF-8");
                batch.child("two").child("go").write("", "UTF-8");
            }
            r.assertBuildStatus(Result.SUCCESS, r.waitForCompletion(b));
            r.assertLogContains("[one] after restart in one", b);
            r.assertLogContains("[two] after restart in two", b);
            r.assertLogContains("batch SUCCEEDED one=SUCCEEDED two=SUCCEEDED", b);
            org.junit.jupiter.api.Assertions.assertEquals(0, tmp.list("codebuild-spec-batch-*").length,
                    "the source copies are gone");
        });
    }
}
