package io.jenkins.plugins.codebuildspec.steps;

import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.ui.Forms;
import io.jenkins.plugins.codebuildspec.host.BuildSettings;

import dev.codebuildspec.run.BuildLimits;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code codebuildSpec image: 'node:20', buildspec: 'ci/buildspec.yml'}: runs a buildspec in a
 * container on the current agent and returns its result ({@code status}, {@code phases},
 * {@code exportedVariables}). A FAILED, FAULT or TIMED_OUT build fails the step with an
 * {@code AbortException} (catchable); a STOPPED one aborts it. Survives controller restarts.
 */
public final class CodeBuildSpecStep extends Step {
    private final String image;
    private String buildspec = BuildLimits.DEFAULT_BUILDSPEC;
    private String inline;
    private String toolName;
    private String registryUrl;
    private String registryCredentialsId;
    /** Raw, as credentials-binding's own step declares it: structs cannot describe {@code MultiBinding<?>}. */
    @SuppressWarnings("rawtypes")
    private List<MultiBinding> credentials = new ArrayList<>();
    private List<EnvironmentVariable> env = new ArrayList<>();
    private int timeoutMinutes = BuildLimits.DEFAULT_TIMEOUT_MINUTES;
    private boolean privileged;
    private boolean runAsRoot = true;
    private String runtimes;
    private boolean noContainer;
    private boolean batch;
    private Integer parallel;
    private String buildspecSecrets;

    @DataBoundConstructor
    public CodeBuildSpecStep(String image) {
        this.image = image == null ? "" : image.trim();
    }

    public String getImage() {
        return image;
    }

    public String getBuildspec() {
        return buildspec;
    }

    @DataBoundSetter
    public void setBuildspec(String buildspec) {
        this.buildspec = buildspec == null || buildspec.isBlank() ? BuildLimits.DEFAULT_BUILDSPEC : buildspec.trim();
    }

    public String getInline() {
        return inline;
    }

    @DataBoundSetter
    public void setInline(String inline) {
        this.inline = inline == null || inline.isBlank() ? null : inline;
    }

    public String getToolName() {
        return toolName;
    }

    @DataBoundSetter
    public void setToolName(String toolName) {
        this.toolName = Forms.blankToNull(toolName);
    }

    public String getRegistryUrl() {
        return registryUrl;
    }

    @DataBoundSetter
    public void setRegistryUrl(String registryUrl) {
        this.registryUrl = Forms.blankToNull(registryUrl);
    }

    public String getRegistryCredentialsId() {
        return registryCredentialsId;
    }

    @DataBoundSetter
    public void setRegistryCredentialsId(String registryCredentialsId) {
        this.registryCredentialsId = Forms.blankToNull(registryCredentialsId);
    }

    @SuppressWarnings("rawtypes")
    public List<MultiBinding> getCredentials() {
        return credentials;
    }

    @DataBoundSetter
    @SuppressWarnings("rawtypes")
    public void setCredentials(List<MultiBinding> credentials) {
        this.credentials = credentials == null ? new ArrayList<>() : new ArrayList<>(credentials);
    }

    public List<EnvironmentVariable> getEnv() {
        return env;
    }

    @DataBoundSetter
    public void setEnv(List<EnvironmentVariable> env) {
        this.env = env == null ? new ArrayList<>() : new ArrayList<>(env);
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        BuildLimits.timeoutProblem(BigDecimal.valueOf(timeoutMinutes)).ifPresent(problem -> {
            throw new IllegalArgumentException("timeoutMinutes: " + problem);
        });
        this.timeoutMinutes = timeoutMinutes;
    }

    public boolean isPrivileged() {
        return privileged;
    }

    @DataBoundSetter
    public void setPrivileged(boolean privileged) {
        this.privileged = privileged;
    }

    public boolean isRunAsRoot() {
        return runAsRoot;
    }

    @DataBoundSetter
    public void setRunAsRoot(boolean runAsRoot) {
        this.runAsRoot = runAsRoot;
    }

    public boolean isNoContainer() {
        return noContainer;
    }

    @DataBoundSetter
    public void setNoContainer(boolean noContainer) {
        this.noContainer = noContainer;
    }

    public boolean isBatch() {
        return batch;
    }

    @DataBoundSetter
    public void setBatch(boolean batch) {
        this.batch = batch;
    }

    public Integer getParallel() {
        return parallel;
    }

    @DataBoundSetter
    public void setParallel(Integer parallel) {
        this.parallel = parallel == null || parallel < 1 ? null : parallel;
    }

    public String getBuildspecSecrets() {
        return buildspecSecrets;
    }

    /** The credentials the buildspec's parameter-store and secrets-manager references may read: IDs or patterns. */
    @DataBoundSetter
    public void setBuildspecSecrets(String buildspecSecrets) {
        this.buildspecSecrets = Forms.blankToNull(buildspecSecrets);
    }

    public String getRuntimes() {
        return runtimes;
    }

    @DataBoundSetter
    public void setRuntimes(String runtimes) {
        this.runtimes = Forms.blankToNull(runtimes);
    }

    BuildSettings settings() {
        return new BuildSettings(buildspec, inline, image, toolName, registryUrl, registryCredentialsId, credentials, EnvironmentVariable.toMap(env),
                timeoutMinutes, privileged, runAsRoot, runtimes, noContainer, batch, parallel, buildspecSecrets);
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new CodeBuildSpecExecution(context, settings());
    }

    @Extension
    @Symbol("codebuildSpec")
    public static final class DescriptorImpl extends StepDescriptor {
        /** The form's defaults and bound, the engine's (BuildLimits): the form says what the engine does. */
        public String getDefaultBuildspec() {
            return BuildLimits.DEFAULT_BUILDSPEC;
        }

        public int getDefaultTimeoutMinutes() {
            return BuildLimits.DEFAULT_TIMEOUT_MINUTES;
        }

        public int getMaxTimeoutMinutes() {
            return BuildLimits.MAX_TIMEOUT_MINUTES;
        }

        @Override
        public String getFunctionName() {
            return "codebuildSpec";
        }

        @Override
        public String getDisplayName() {
            return Messages.CodeBuildSpecStep_DisplayName();
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, Launcher.class, EnvVars.class, TaskListener.class, FlowNode.class);
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter boolean noContainer) {
            return Forms.checkImage(item, value, noContainer);
        }

        @POST
        public FormValidation doCheckBuildspec(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkBuildspecPath(item, value);
        }

        @POST
        public FormValidation doCheckInline(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkInline(item, value);
        }

        @POST
        public FormValidation doCheckTimeoutMinutes(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkTimeout(item, value);
        }

        @POST
        public ListBoxModel doFillRegistryCredentialsIdItems(@AncestorInPath Item item,
                @QueryParameter String registryCredentialsId) {
            return Forms.credentialsItems(item, registryCredentialsId,
                    com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials.class);
        }

        @POST
        public FormValidation doCheckRegistryCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkCredentialsId(item, value,
                    com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials.class);
        }
    }
}
