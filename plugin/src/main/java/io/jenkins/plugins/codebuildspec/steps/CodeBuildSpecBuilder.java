package io.jenkins.plugins.codebuildspec.steps;

import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.PolledBuild;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.actions.BuildResultAction;
import io.jenkins.plugins.codebuildspec.host.AgentContext;
import io.jenkins.plugins.codebuildspec.host.JenkinsBuild;
import java.io.IOException;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Freestyle build step: the {@code codebuildSpec} Pipeline step's options (one class, one form, one set of
 * help pages for both), run synchronously on the executor. Exported variables become environment variables
 * of the later build steps. No {@code @Symbol}: the Pipeline step owns the name {@code codebuildSpec}.
 */
public final class CodeBuildSpecBuilder extends Builder implements SimpleBuildStep {
    private CodeBuildSpecStep step;

    // Configurations saved before the builder held the step's options kept them flat: read once, then moved.
    private String image;
    private String buildspec;
    private String inline;
    private String toolName;
    private String registryUrl;
    private String registryCredentialsId;
    @SuppressWarnings("rawtypes")
    private List<MultiBinding> credentials;
    private List<EnvironmentVariable> env;
    private Integer timeoutMinutes;
    private Boolean privileged;
    private Boolean runAsRoot;
    private String runtimes;
    private Boolean noContainer;
    private Boolean batch;
    private Integer parallel;
    private String buildspecSecrets;

    @DataBoundConstructor
    public CodeBuildSpecBuilder(CodeBuildSpecStep step) {
        this.step = step == null ? new CodeBuildSpecStep("") : step;
    }

    /** The options, as the Pipeline step has them. */
    public CodeBuildSpecStep getStep() {
        return step;
    }

    private Object readResolve() {
        if (step == null) {
            step = new CodeBuildSpecStep(image);
            step.setBuildspec(buildspec);
            step.setInline(inline);
            step.setToolName(toolName);
            step.setRegistryUrl(registryUrl);
            step.setRegistryCredentialsId(registryCredentialsId);
            step.setCredentials(credentials);
            step.setEnv(env);
            step.setTimeoutMinutes(timeoutMinutes != null ? timeoutMinutes : step.getTimeoutMinutes());
            step.setPrivileged(Boolean.TRUE.equals(privileged));
            step.setRunAsRoot(!Boolean.FALSE.equals(runAsRoot));
            step.setRuntimes(runtimes);
            step.setNoContainer(Boolean.TRUE.equals(noContainer));
            step.setBatch(Boolean.TRUE.equals(batch));
            step.setParallel(parallel);
            step.setBuildspecSecrets(buildspecSecrets);
        }
        image = buildspec = inline = toolName = registryUrl = registryCredentialsId = runtimes = buildspecSecrets = null;
        credentials = null;
        env = null;
        timeoutMinutes = parallel = null;
        privileged = runAsRoot = noContainer = batch = null;
        return this;
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
        JenkinsBuild build = new JenkinsBuild(step.settings(), null);
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
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return Messages.CodeBuildSpecBuilder_DisplayName();
        }

        /** The step's help page is the builder's too. */
        @Override
        public String getHelpFile(String fieldName) {
            String own = super.getHelpFile(fieldName);
            return own != null ? own
                    : Jenkins.get().getDescriptorByType(CodeBuildSpecStep.DescriptorImpl.class).getHelpFile(fieldName);
        }
    }
}
