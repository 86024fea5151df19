package io.jenkins.plugins.codebuildspec.steps;

import io.jenkins.plugins.codebuildspec.credentials.CredentialBinding;
import io.jenkins.plugins.codebuildspec.actions.BuildResultAction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.Secret;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Freestyle and Pipeline builds against a local image, with a real Docker daemon on the machine
 * running the tests (skipped without one). The image defaults to {@code debian:bookworm-slim};
 * set {@code -Dcodebuildspec.test.image=...} to use one that is already present.
 */
@WithJenkins
class CodeBuildSpecJenkinsTest {
    static final String IMAGE = System.getProperty("codebuildspec.test.image", "debian:bookworm-slim");
    static final String SECRET = "s3cr3t-T0ken";

    @RegisterExtension
    static BuildWatcherExtension buildWatcher = new BuildWatcherExtension();

    @BeforeAll
    static void docker() throws Exception {
        assumeTrue(dockerWorks(), "needs a Docker daemon");
    }

    static boolean dockerWorks() {
        try {
            Process p = new ProcessBuilder("docker", "image", "inspect", IMAGE).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return true;
            }
            Process pull = new ProcessBuilder("docker", "pull", IMAGE).redirectErrorStream(true).start();
            pull.getInputStream().readAllBytes();
            return pull.waitFor(10, TimeUnit.MINUTES) && pull.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static void addSecretText(String id, String value) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials()
                .add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "test", Secret.fromString(value)));
        SystemCredentialsProvider.getInstance().save();
    }

    static CredentialBinding binding(String id, String variable) {
        CredentialBinding b = new CredentialBinding(id);
        b.setVariable(variable);
        return b;
    }

    @Test
    void builderConfigRoundTrip(JenkinsRule r) throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        CodeBuildSpecStep o = new CodeBuildSpecStep(IMAGE);
        CodeBuildSpecBuilder b = new CodeBuildSpecBuilder(o);
        o.setInline("version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n");
        o.setTimeoutMinutes(7);
        o.setPrivileged(true);
        o.setRunAsRoot(false);
        org.jenkinsci.plugins.credentialsbinding.impl.SSHUserPrivateKeyBinding key =
                new org.jenkinsci.plugins.credentialsbinding.impl.SSHUserPrivateKeyBinding("KEY", "deploy-key");
        key.setUsernameVariable("KEY_USER");
        o.setCredentials(List.of(binding("token", "TOKEN"), key));
        o.setEnv(List.of(new EnvironmentVariable("A", "1")));
        o.setBatch(true);
        o.setParallel(3);
        p.getBuildersList().add(b);
        r.configRoundtrip(p);
        r.assertEqualDataBoundBeans(b, p.getBuildersList().get(CodeBuildSpecBuilder.class));
    }

    @Test
    void stepConfigAndSnippetRoundTrip(JenkinsRule r) throws Exception {
        CodeBuildSpecStep s = new CodeBuildSpecStep(IMAGE);
        s.setBuildspec("ci/buildspec.yml");
        s.setTimeoutMinutes(30);
        s.setCredentials(List.of(binding("token", "TOKEN")));
        r.assertEqualDataBoundBeans(s, new StepConfigTester(r).configRoundTrip(s));
        CodeBuildSpecStep batch = new CodeBuildSpecStep(IMAGE);
        batch.setBatch(true);
        batch.setParallel(2);
        r.assertEqualDataBoundBeans(batch, new StepConfigTester(r).configRoundTrip(batch));
        new SnippetizerTester(r).assertRoundTrip(batch, "codebuildSpec batch: true, image: '" + IMAGE + "', parallel: 2");
        new SnippetizerTester(r).assertRoundTrip(new CodeBuildSpecStep(IMAGE), "codebuildSpec '" + IMAGE + "'");
        CodeBuildSpecStep withString = new CodeBuildSpecStep(IMAGE);
        withString.setCredentials(List.of(new org.jenkinsci.plugins.credentialsbinding.impl.StringBinding("TOKEN", "token")));
        new SnippetizerTester(r).assertRoundTrip(withString, "codebuildSpec credentials: [string(credentialsId: 'token', "
                + "variable: 'TOKEN')], image: '" + IMAGE + "'");
        CodeBuildSpecStep withKey = new CodeBuildSpecStep(IMAGE);
        withKey.setCredentials(List.of(new org.jenkinsci.plugins.credentialsbinding.impl.SSHUserPrivateKeyBinding("KEY", "deploy-key"),
                new org.jenkinsci.plugins.credentialsbinding.impl.CertificateMultiBinding("KS", "cert")));
        new SnippetizerTester(r).assertRoundTrip(withKey, "codebuildSpec credentials: [sshUserPrivateKey(credentialsId: "
                + "'deploy-key', keyFileVariable: 'KEY'), certificate(credentialsId: 'cert', keystoreVariable: 'KS')], image: '"
                + IMAGE + "'");
        new SnippetizerTester(r).assertRoundTrip(s, "codebuildSpec buildspec: 'ci/buildspec.yml', "
                + "credentials: [codebuildCredential(credentialsId: 'token', variable: 'TOKEN')], image: '" + IMAGE
                + "', timeoutMinutes: 30");
    }

    @Test
    void freestyleBuildMasksSecretsAndExportsVariables(JenkinsRule r) throws Exception {
        addSecretText("token", SECRET);
        FreeStyleProject p = r.createFreeStyleProject();
        CodeBuildSpecStep o = new CodeBuildSpecStep(IMAGE);
        CodeBuildSpecBuilder b = new CodeBuildSpecBuilder(o);
        o.setInline("version: 0.2\nenv:\n  exported-variables:\n    - OUT\nphases:\n  build:\n    commands:\n"
                + "      - echo \"token is $TOKEN\"\n      - echo \"$TOKEN\" | base64\n      - set -x; : \"$TOKEN\"; set +x\n"
                + "      - OUT=made-in-build\n");
        o.setCredentials(List.of(binding("token", "TOKEN")));
        p.getBuildersList().add(b);
        FreeStyleBuild build = r.buildAndAssertSuccess(p);
        r.assertLogContains("Phase complete: BUILD State: SUCCEEDED", build);
        r.assertLogContains("token is ***", build);
        r.assertLogNotContains(SECRET, build);
        BuildResultAction action = build.getAction(BuildResultAction.class);
        assertNotNull(action);
        assertEquals("SUCCEEDED", action.getStatus());
        assertEquals("made-in-build", action.getExportedVariables().get("OUT"));
        r.assertLogContains("Reproduce locally: codebuild-spec run --image " + IMAGE
                + " --buildspec codebuild-spec-inline.yml --secret TOKEN --project", build);
        r.assertLogContains("Export TOKEN first", build);
        assertFalse(action.getReproduce().contains(SECRET));
        assertNotNull(action.getInlineBuildspecDataUrl());
        java.io.File[] records = new java.io.File(build.getRootDir(), "codebuild-spec").listFiles();
        assertNotNull(records);
        assertEquals(1, records.length);
        String record = java.nio.file.Files.readString(records[0].toPath());
        assertFalse(record.contains(SECRET));
        assertFalse(!record.contains("\"buildStatus\""));
        net.sf.json.JSONObject api = r.createWebClient().getJSON(build.getUrl() + action.getUrlName() + "/api/json")
                .getJSONObject();
        assertEquals("SUCCEEDED", api.getString("buildStatus"));
        assertEquals("BUILD", api.getJSONArray("phases").getJSONObject(3).getString("phaseType"));
        assertEquals("made-in-build", api.getJSONObject("exportedEnvironmentVariables").getString("OUT"));
        assertNoSecretOnDisk(build.getRootDir());
    }

    @Test
    void freestyleFailedBuildFailsTheStep(JenkinsRule r) throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        CodeBuildSpecStep o = new CodeBuildSpecStep(IMAGE);
        CodeBuildSpecBuilder b = new CodeBuildSpecBuilder(o);
        o.setInline("version: 0.2\nphases:\n  build:\n    commands:\n      - exit 3\n  post_build:\n    commands:\n"
                + "      - echo post ran\n");
        p.getBuildersList().add(b);
        FreeStyleBuild build = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("Command did not exit successfully exit 3 exit status 3", build);
        r.assertLogContains("post ran", build);
    }

    @Test
    void invalidBuildspecFailsBeforeAnyContainer(JenkinsRule r) throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE + "', inline: 'version: 0.2\\nphases:\\n  bild: {}\\n' }", true));
        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, j.scheduleBuild2(0));
        r.assertLogContains("YAML_FILE_ERROR", run);
        r.assertLogNotContains("Moving to directory", run);
    }

    @Test
    void pipelineReturnsTheResultAndMasks(JenkinsRule r) throws Exception {
        addSecretText("token", SECRET);
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'buildspec.yml', text: 'version: 0.2\\nenv:\\n  exported-variables: [V]\\n"
                + "phases:\\n  build:\\n    commands:\\n      - echo \"[$TOKEN]\"\\n      - V=42\\n'\n"
                + "  def result = codebuildSpec image: '" + IMAGE + "', credentials: [codebuildCredential(credentialsId: 'token', variable: 'TOKEN')]\n"
                + "  echo \"status=${result.status} V=${result.exportedVariables.V} phases=${result.phases.size()}\"\n"
                + "  try {\n"
                + "    codebuildSpec image: '" + IMAGE + "', inline: 'version: 0.2\\nphases:\\n  build:\\n    commands:\\n      - false\\n'\n"
                + "  } catch (e) { echo \"caught: ${e.message}\" }\n"
                + "}", true));
        WorkflowRun run = r.buildAndAssertSuccess(j);
        r.assertLogContains("status=SUCCEEDED V=42 phases=7", run);
        r.assertLogContains("[***]", run);
        r.assertLogContains("caught: Buildspec build FAILED", run);
        r.assertLogNotContains(SECRET, run);
        assertNoSecretOnDisk(run.getRootDir());
    }

    @Test
    void artifactsAndReportsGoThroughJenkinsWithTheEnginesLogLines(JenkinsRule r) throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE + "', inline: 'version: 0.2\\n"
                + "phases:\\n  build:\\n    commands:\\n      - mkdir -p out r\\n      - echo made > out/a.txt\\n"
                + "      - printf \\'<testsuite name=\"s\" tests=\"2\"><testcase name=\"ok\"/><testcase name=\"bad\">"
                + "<failure message=\"no\"/></testcase></testsuite>\\' > r/t.xml\\n"
                + "artifacts:\\n  files: [\\'out/**/*\\']\\n"
                + "reports:\\n  unit:\\n    files: [\\'r/*.xml\\']\\n    file-format: JUNITXML\\n' }", true));
        WorkflowRun run = r.assertBuildStatus(Result.UNSTABLE, j.scheduleBuild2(0));
        r.assertLogContains("Preparing to upload report group unit (JUNITXML)", run);
        r.assertLogContains("Expanding base directory path: .", run);
        r.assertLogContains("Assembling file list", run);
        r.assertLogContains("Uploaded 1 artifact file(s) to the Jenkins artifact manager", run);
        r.assertLogContains("Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED", run);
        assertEquals(1, run.getArtifacts().size());
        assertEquals("out/a.txt", run.getArtifacts().get(0).relativePath);
    }

    @Test
    void runtimeVersionsComeFromTheStepsRuntimesFile(JenkinsRule r) throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'team-runtimes.yml', text: 'runtimes:\\n  nodejs:\\n    versions:\\n      18:\\n"
                + "        commands:\\n          - echo selected-node-18\\n'\n"
                + "  codebuildSpec image: '" + IMAGE + "', runtimes: 'team-runtimes.yml', inline: 'version: 0.2\\n"
                + "phases:\\n  install:\\n    runtime-versions:\\n      nodejs: 18\\n  build:\\n    commands:\\n"
                + "      - echo built\\n'\n"
                + "}", true));
        WorkflowRun run = r.buildAndAssertSuccess(j);
        r.assertLogContains("Selecting 'nodejs' runtime version '18' based on manual selections", run);
        r.assertLogContains("Running command echo selected-node-18", run);
        r.assertLogContains("built", run);
    }

    @Test
    void noContainerRunsThePhasesOnTheAgentItself(JenkinsRule r) throws Exception {
        addSecretText("token", SECRET);
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node {\n"
                + "  writeFile file: 'buildspec.yml', text: 'version: 0.2\\nphases:\\n  build:\\n    commands:\\n"
                + "      - echo \"token is $TOKEN in $CODEBUILD_SRC_DIR\"\\n      - echo made > out.txt\\n"
                + "artifacts:\\n  files: [out.txt]\\n'\n"
                + "  codebuildSpec noContainer: true, credentials: [codebuildCredential(credentialsId: 'token', variable: 'TOKEN')]\n"
                + "}", true));
        WorkflowRun run = r.buildAndAssertSuccess(j);
        r.assertLogContains("Running the phases on this machine, without a container", run);
        r.assertLogContains("token is *** in " + r.jenkins.getWorkspaceFor(j).getRemote(), run);
        r.assertLogContains("Reproduce locally: codebuild-spec run --no-container", run);
        r.assertLogNotContains(SECRET, run);
        assertEquals(1, run.getArtifacts().size());
        assertNoSecretOnDisk(run.getRootDir());
    }

    @Test
    void noContainerRunsInsideDockerWorkflowsInside(JenkinsRule r) throws Exception {
        addSecretText("token", SECRET);
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node {\n"
                + "  docker.image('" + IMAGE + "').inside {\n"
                + "    codebuildSpec noContainer: true, credentials: [codebuildCredential(credentialsId: 'token', variable: 'TOKEN')],"
                + " inline: 'version: 0.2\\nphases:\\n  build:\\n    commands:\\n"
                + "      - echo \"token is $TOKEN\"\\n      - test -f /.dockerenv && echo in-the-inside-container\\n'\n"
                + "  }\n"
                + "}", true));
        WorkflowRun run = r.buildAndAssertSuccess(j);
        r.assertLogContains("token is ***", run);
        r.assertLogContains("in-the-inside-container", run);
        r.assertLogNotContains(SECRET, run);
    }

    @Test
    void configurationsSavedBeforeThePackagesMovedStillLoad(JenkinsRule r) {
        Object builder = hudson.model.Items.XSTREAM2.fromXML("<io.jenkins.plugins.codebuildspec.jenkins.CodeBuildSpecBuilder>"
                + "<image>busybox</image><credentials><io.jenkins.plugins.codebuildspec.jenkins.CredentialBinding>"
                + "<credentialsId>token</credentialsId><variable>TOKEN</variable>"
                + "</io.jenkins.plugins.codebuildspec.jenkins.CredentialBinding></credentials>"
                + "</io.jenkins.plugins.codebuildspec.jenkins.CodeBuildSpecBuilder>");
        assertEquals(CodeBuildSpecBuilder.class, builder.getClass());
        assertEquals("TOKEN", ((CodeBuildSpecBuilder) builder).getStep().getCredentials().get(0).getVariable());
        assertEquals("busybox", ((CodeBuildSpecBuilder) builder).getStep().getImage());
        assertEquals(60, ((CodeBuildSpecBuilder) builder).getStep().getTimeoutMinutes());
        String saved = hudson.model.Items.XSTREAM2.toXML(builder);
        assertTrue(saved.contains("<step>"), saved);
        assertFalse(saved.replaceAll("(?s)<step>.*</step>", "").contains("<image>"), saved);
    }

    @Test
    void withCredentialsBindingsWorkAsTheyAreWritten(JenkinsRule r) throws Exception {
        addSecretText("token", SECRET);
        SystemCredentialsProvider.getInstance().getCredentials().add(new com.cloudbees.plugins.credentials.impl
                .UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "deploy", "test", "deployer", "pa55-" + SECRET));
        SystemCredentialsProvider.getInstance().getCredentials().add(new org.jenkinsci.plugins.plaincredentials.impl
                .FileCredentialsImpl(CredentialsScope.GLOBAL, "kube", "test", "kubeconfig",
                com.cloudbees.plugins.credentials.SecretBytes.fromBytes("apiVersion: v1".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        SystemCredentialsProvider.getInstance().save();
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE + "', credentials: ["
                + "string(credentialsId: 'token', variable: 'S'), "
                + "usernamePassword(credentialsId: 'deploy', usernameVariable: 'U', passwordVariable: 'P'), "
                + "usernameColonPassword(credentialsId: 'deploy', variable: 'UP'), "
                + "file(credentialsId: 'kube', variable: 'KUBE')], "
                + "inline: 'version: 0.2\\nphases:\\n  build:\\n    commands:\\n"
                + "      - echo \"s=$S u=$U p=$P up=$UP\"\\n      - case \"$KUBE\" in /codebuild/output/tmp/secrets/*) grep -c apiVersion \"$KUBE\";; esac\\n' }",
                true));
        WorkflowRun run = r.buildAndAssertSuccess(j);
        r.assertLogContains("s=*** u=*** p=*** up=***", run);
        r.assertLogNotContains(SECRET, run);
        r.assertLogContains("\n1\n", run);
        assertNoSecretOnDisk(run.getRootDir());
    }

    @Test
    void sshKeysCertificatesAndAwsKeysBindAndMask(JenkinsRule r) throws Exception {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU" + SECRET
                + "\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END OPENSSH PRIVATE KEY-----";
        String storePassword = "store-" + SECRET;
        SystemCredentialsProvider.getInstance().getCredentials().add(new com.cloudbees.jenkins.plugins.sshcredentials.impl
                .BasicSSHUserPrivateKey(CredentialsScope.GLOBAL, "deploy-key", "git-deployer",
                new com.cloudbees.jenkins.plugins.sshcredentials.impl.BasicSSHUserPrivateKey.DirectEntryPrivateKeySource(key),
                "phrase-" + SECRET, "test"));
        SystemCredentialsProvider.getInstance().getCredentials().add(new com.cloudbees.plugins.credentials.impl
                .CertificateCredentialsImpl(CredentialsScope.GLOBAL, "cert", "ci certificate", storePassword,
                new com.cloudbees.plugins.credentials.impl.CertificateCredentialsImpl.UploadedKeyStoreSource(
                        com.cloudbees.plugins.credentials.SecretBytes.fromBytes(keystore(storePassword)))));
        SystemCredentialsProvider.getInstance().getCredentials().add(new com.cloudbees.jenkins.plugins.awscredentials
                .AWSCredentialsImpl(CredentialsScope.GLOBAL, "ci-aws", "AKIAEXAMPLE0KEY0ID00", "aws-" + SECRET, "test"));
        SystemCredentialsProvider.getInstance().save();
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE + "', credentials: ["
                + "sshUserPrivateKey(credentialsId: 'deploy-key', keyFileVariable: 'KEY', usernameVariable: 'KEY_USER', "
                + "passphraseVariable: 'KEY_PASS'), "
                + "certificate(credentialsId: 'cert', keystoreVariable: 'KS', passwordVariable: 'KS_PASS', aliasVariable: 'KS_ALIAS'), "
                + "aws(credentialsId: 'ci-aws', accessKeyVariable: 'AWS_ACCESS_KEY_ID', secretKeyVariable: 'AWS_SECRET_ACCESS_KEY')], "
                + "inline: 'version: 0.2\\nphases:\\n  build:\\n    commands:\\n"
                + "      - echo \"user=$KEY_USER pass=$KEY_PASS kspass=$KS_PASS alias=$KS_ALIAS\"\\n"
                + "      - echo \"aws=$AWS_ACCESS_KEY_ID/$AWS_SECRET_ACCESS_KEY\"\\n"
                + "      - echo \"key $(stat -c %a $KEY) $(grep -c PRIVATE $KEY) $(tail -c 1 $KEY | wc -l)\"\\n"
                + "      - echo \"keystore $(stat -c %a $KS) $(test -s $KS && echo non-empty)\"\\n"
                + "      - for f in $KEY $KS; do case $f in /codebuild/output/tmp/secrets/*) echo in-tmpfs;; esac; done\\n' }",
                true));
        WorkflowRun run = r.buildAndAssertSuccess(j);
        r.assertLogContains("user=*** pass=*** kspass=*** alias=ci certificate", run);
        r.assertLogContains("aws=***/***", run);
        r.assertLogContains("key 600 2 1", run);
        r.assertLogContains("keystore 600 non-empty", run);
        r.assertLogContains("in-tmpfs\nin-tmpfs\n", run);
        r.assertLogNotContains(SECRET, run);
        r.assertLogNotContains("git-deployer", run);
        assertNoSecretOnDisk(run.getRootDir());
        File workspaceTmp = new File(r.jenkins.getWorkspaceFor(j).getRemote() + "@tmp");
        if (workspaceTmp.exists()) {
            assertNoSecretOnDisk(workspaceTmp);
        }
    }

    @Test
    void aBatchMatrixRunsEveryChildAndReturnsEachOnesResult(JenkinsRule r) throws Exception {
        addSecretText("token", SECRET);
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node {\n"
                + "  def res = codebuildSpec image: '" + IMAGE + "', batch: true, parallel: 2, "
                + "credentials: [string(credentialsId: 'token', variable: 'TOKEN')], inline: 'version: 0.2\\n"
                + "batch:\\n  build-matrix:\\n    dynamic:\\n      env:\\n        variables:\\n          FLAVOUR: [sweet, sour]\\n"
                + "env:\\n  exported-variables: [TASTE]\\n"
                + "phases:\\n  build:\\n    commands:\\n"
                + "      - echo \"$CODEBUILD_BATCH_BUILD_IDENTIFIER is $FLAVOUR with $TOKEN\"\\n"
                + "      - TASTE=$FLAVOUR\\n      - mkdir -p out && echo $FLAVOUR > out/taste.txt\\n"
                + "artifacts:\\n  files: [out/taste.txt]\\n'\n"
                + "  echo \"batch=${res.status} b1=${res.builds.build1.status}/${res.builds.build1.exportedVariables.TASTE}"
                + " b2=${res.builds.build2.status}/${res.builds.build2.exportedVariables.TASTE}\"\n"
                + "}", true));
        WorkflowRun run = r.buildAndAssertSuccess(j);
        r.assertLogContains("[build1] build1 is sweet with ***", run);
        r.assertLogContains("[build2] build2 is sour with ***", run);
        r.assertLogContains("batch=SUCCEEDED b1=SUCCEEDED/sweet b2=SUCCEEDED/sour", run);
        r.assertLogContains("Reproduce locally: codebuild-spec run --image " + IMAGE + " --batch", run);
        r.assertLogNotContains(SECRET, run);
        assertEquals(List.of("build1/out/taste.txt", "build2/out/taste.txt"),
                run.getArtifacts().stream().map(a -> a.relativePath).sorted().toList());
        BuildResultAction action = run.getAction(BuildResultAction.class);
        net.sf.json.JSONObject api = r.createWebClient().getJSON(run.getUrl() + action.getUrlName() + "/api/json")
                .getJSONObject();
        assertFalse(!action.childLogTail("build2").contains("build2 is sour with ***"), "the page shows each child's log");
        assertEquals("", action.childLogTail("../../config"));
        assertEquals("SUCCEEDED", api.getString("buildBatchStatus"));
        assertEquals("build1", api.getJSONArray("builds").getJSONObject(0).getString("identifier"));
        assertEquals("sour", api.getJSONArray("builds").getJSONObject(1).getJSONObject("exportedEnvironmentVariables")
                .getString("TASTE"));
        assertEquals("BUILD", api.getJSONArray("builds").getJSONObject(0).getJSONArray("phases").getJSONObject(3)
                .getString("phaseType"));
        File logs = new File(run.getRootDir(), "codebuild-spec");
        String[] records = logs.list((d, n) -> n.startsWith("batch-") && n.endsWith(".json"));
        assertNotNull(records);
        assertEquals(1, records.length);
        String record = Files.readString(new File(logs, records[0]).toPath());
        assertFalse(record.contains(SECRET));
        assertFalse(!record.contains("\"buildBatchStatus\": \"SUCCEEDED\""));
        try (Stream<java.nio.file.Path> childLogs = Files.walk(logs.toPath())) {
            assertEquals(2, childLogs.filter(f -> f.toString().endsWith(".log")).count());
        }
        assertNoSecretOnDisk(run.getRootDir());
    }

    @Test
    void aFreestyleBatchFailsFastNamingTheChild(JenkinsRule r) throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        CodeBuildSpecStep o = new CodeBuildSpecStep(IMAGE);
        CodeBuildSpecBuilder b = new CodeBuildSpecBuilder(o);
        o.setBatch(true);
        o.setInline("version: 0.2\nbatch:\n  fast-fail: true\n  build-graph:\n    - identifier: breaks\n"
                + "    - identifier: waits\n      depend-on: [breaks]\nphases:\n  build:\n    commands:\n      - exit 5\n");
        p.getBuildersList().add(b);
        FreeStyleBuild build = r.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        r.assertLogContains("[waits] [batch] not started: fast-fail after breaks ended FAILED", build);
        r.assertLogContains("Buildspec batch FAILED: breaks FAILED (phase BUILD FAILED", build);
        BuildResultAction action = build.getAction(BuildResultAction.class);
        assertEquals("FAILED", action.getBatchStatus());
        assertEquals("STOPPED", action.getChildren().get(1).getStatus());
    }

    @Test
    void batchWithoutABatchSectionFailsTheStepWithoutAStackTrace(JenkinsRule r) throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE + "', batch: true, inline: "
                + "'version: 0.2\\nphases:\\n  build:\\n    commands:\\n      - echo hi\\n' }", true));
        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, j.scheduleBuild2(0));
        r.assertLogContains("has no batch section: a batch build runs", run);
        r.assertLogNotContains("\tat ", run);
    }

    /** A PKCS#12 keystore with one key pair, made by the JDK's keytool. */
    static byte[] keystore(String password) throws Exception {
        File f = File.createTempFile("ks", ".p12");
        Files.delete(f.toPath());
        Process p = new ProcessBuilder(System.getProperty("java.home") + "/bin/keytool", "-genkeypair", "-alias", "ci",
                "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=ci", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", f.getPath(), "-storepass", password).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        try {
            return Files.readAllBytes(f.toPath());
        } finally {
            Files.delete(f.toPath());
        }
    }

    @Test
    void aBindingThatCannotResolveFailsBeforeAnyContainerWithItsId(JenkinsRule r) throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE + "', credentials: ["
                + "string(credentialsId: 'missing-id', variable: 'S')], inline: 'version: 0.2\\nphases: {}\\n' }", true));
        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, j.scheduleBuild2(0));
        r.assertLogContains("missing-id", run);
        r.assertLogContains("Phase complete: DOWNLOAD_SOURCE State: FAILED", run);
        r.assertLogNotContains("Moving to directory", run);
        r.assertLogNotContains("\tat ", run);
    }

    @Test
    void aSecondBuildOfTheJobRestoresTheCacheTheFirstSaved(JenkinsRule r) throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE + "', inline: 'version: 0.2\\n"
                + "phases:\\n  build:\\n    commands:\\n"
                + "      - if [ -f deps/made ]; then echo restored-$(cat deps/made); else mkdir -p deps; echo one > deps/made; fi\\n"
                + "cache:\\n  paths: [\\'deps/**/*\\']\\n' }", true));
        WorkflowRun first = r.buildAndAssertSuccess(j);
        r.assertLogContains("Saved cache", first);
        r.jenkins.getWorkspaceFor(j).child("deps").deleteRecursive();
        WorkflowRun second = r.buildAndAssertSuccess(j);
        r.assertLogContains("Restoring cache", second);
        r.assertLogContains("restored-one", second);
    }

    @Test
    void timeoutEndsTimedOut(JenkinsRule r) throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE
                + "', timeoutMinutes: 1, inline: 'version: 0.2\\nphases:\\n  build:\\n    commands:\\n      - sleep 600\\n' }", true));
        WorkflowRun run = r.assertBuildStatus(Result.FAILURE, j.scheduleBuild2(0));
        r.assertLogContains("Phase complete: BUILD State: TIMED_OUT", run);
    }

    @Test
    void abortStopsWithinSeconds(JenkinsRule r) throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class);
        j.setDefinition(new CpsFlowDefinition("node { codebuildSpec image: '" + IMAGE
                + "', inline: 'version: 0.2\\nphases:\\n  build:\\n    commands:\\n      - echo started; sleep 600\\n' }", true));
        WorkflowRun run = j.scheduleBuild2(0).waitForStart();
        r.waitForMessage("Running command echo started; sleep 600", run);
        long t0 = System.nanoTime();
        run.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
        assertFalse(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) > 30, "aborted within seconds");
        r.assertLogContains("Phase complete: BUILD State: STOPPED", run);
    }

    static void assertNoSecretOnDisk(File dir) throws Exception {
        try (Stream<java.nio.file.Path> files = Files.walk(dir.toPath())) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(SECRET), f.toString());
                }
            }
        }
    }
}
