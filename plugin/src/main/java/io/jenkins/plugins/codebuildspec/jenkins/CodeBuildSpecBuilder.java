package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.AbortException;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
    private static final long POLL_MILLIS = 500;

    private final String image;
    private String buildspec = BuildSettings.DEFAULT_BUILDSPEC;
    private String inline;
    private String toolName;
    private String registryUrl;
    private String registryCredentialsId;
    private List<CredentialBinding> credentials = new ArrayList<>();
    private List<EnvironmentVariable> env = new ArrayList<>();
    private int timeoutMinutes = BuildSettings.DEFAULT_TIMEOUT_MINUTES;
    private boolean privileged;
    private boolean runAsRoot = true;

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

    public List<CredentialBinding> getCredentials() {
        return credentials;
    }

    @DataBoundSetter
    public void setCredentials(List<CredentialBinding> credentials) {
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
        this.timeoutMinutes = timeoutMinutes > 0 ? timeoutMinutes : BuildSettings.DEFAULT_TIMEOUT_MINUTES;
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

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars envVars, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        BuildSession session = new BuildSession(new BuildSettings(buildspec, inline, image, toolName, registryUrl,
                registryCredentialsId, credentials, env, timeoutMinutes, privileged, runAsRoot));
        BuildSession.Context c = new BuildSession.Context(run, workspace, launcher, listener, envVars);
        BuildResultAction result;
        try {
            if (session.prepare(c) && session.provision(c)) {
                session.launch(c);
                while (!session.poll(c)) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            // Abort: kill the container now, record the phase as STOPPED, clean up, then let Jenkins abort.
            session.stopNow(c);
            session.complete(c, new ReportPublisher(null));
            throw e;
        } catch (IOException | RuntimeException e) {
            session.failNow(c, e);
            session.complete(c, new ReportPublisher(null));
            throw e;
        }
        result = session.complete(c, new ReportPublisher(null));
        Status status = result == null ? Status.FAULT : Status.valueOf(result.getStatus());
        if (status == Status.STOPPED) {
            throw new InterruptedException(Messages.CodeBuildSpecBuilder_Stopped());
        }
        if (status != Status.SUCCEEDED) {
            throw new AbortException(result == null ? Messages.CodeBuildSpecBuilder_Stopped() : result.failureMessage());
        }
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.CodeBuildSpecBuilder_DisplayName();
        }

        @POST
        public FormValidation doCheckImage(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkImage(item, value);
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
