package io.jenkins.plugins.codebuildspec.steps;

import hudson.AbortException;
import dev.codebuildspec.run.BuildLimits;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.PolledBuild;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.actions.BuildResultAction;
import io.jenkins.plugins.codebuildspec.host.AgentContext;
import io.jenkins.plugins.codebuildspec.host.BuildSettings;
import io.jenkins.plugins.codebuildspec.host.JenkinsBuild;
import io.jenkins.plugins.codebuildspec.ui.Forms;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle build step: the same buildspec build as the {@code codebuildSpec} Pipeline step,
 * driven synchronously on the executor. Exported variables become environment variables of the
 * later build steps. No {@code @Symbol}: the Pipeline step owns the name {@code codebuildSpec}.
 */
public final class CodeBuildSpecBuilder extends Builder implements SimpleBuildStep {
    private final String image;
    private String buildspec = BuildSettings.DEFAULT_BUILDSPEC;
    private String inline;
    private String toolName;
    private String registryUrl;
    private String registryCredentialsId;
    /** Raw, as credentials-binding's own step declares it: structs cannot describe {@code MultiBinding<?>}. */
    @SuppressWarnings("rawtypes")
    private List<MultiBinding> credentials = new ArrayList<>();
    private List<EnvironmentVariable> env = new ArrayList<>();
    private int timeoutMinutes = BuildSettings.DEFAULT_TIMEOUT_MINUTES;
    private boolean privileged;
    private boolean runAsRoot = true;
    private String runtimes;
    private boolean noContainer;
    private boolean batch;
    private Integer parallel;
    private String buildspecSecrets;

    @DataBoundConstructor
    public CodeBuildSpecBuilder(String image) {
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
        this.buildspec = buildspec == null || buildspec.isBlank() ? BuildSettings.DEFAULT_BUILDSPEC : buildspec.trim();
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

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    /**
     * Runs the engine's phase machine (or batch machine) on this executor to its end. An abort (the executor's
     * thread is interrupted) stops the build: the running phase ends STOPPED and the container is removed first.
     */
    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars envVars, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        JenkinsBuild build = new JenkinsBuild(new BuildSettings(buildspec, inline, image, toolName, registryUrl,
                registryCredentialsId, credentials, EnvironmentVariable.toMap(env), timeoutMinutes, privileged,
                runAsRoot, runtimes, noContainer, batch, parallel, buildspecSecrets), null);
        AgentContext c = new AgentContext(run, workspace, launcher, listener, envVars);
        PolledBuild machine = build.start(c);
        machine.run();
        boolean interrupted = Thread.interrupted();
        BuildResultAction action = build.finish(run, listener, c, machine);
        if (interrupted || action.outcome() == Status.STOPPED) {
            throw new InterruptedException(Messages.CodeBuildSpecBuilder_Stopped());
        }
        if (action.outcome() != Status.SUCCEEDED) {
            throw new AbortException(action.failureMessage());
        }
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
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
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.CodeBuildSpecBuilder_DisplayName();
        }

        /** The class whose form and help both steps show: the Pipeline step's (one copy of each). */
        public Class<?> getFormClass() {
            return CodeBuildSpecStep.class;
        }

        @Override
        public String getHelpFile(String fieldName) {
            String own = super.getHelpFile(fieldName);
            return own != null ? own
                    : Jenkins.get().getDescriptorByType(CodeBuildSpecStep.DescriptorImpl.class).getHelpFile(fieldName);
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
