package io.jenkins.plugins.codebuildspec.ui;

import dev.codebuildspec.runtime.RuntimesFile;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.codebuildspec.Messages;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The controller-wide runtimes file for {@code runtime-versions} (CodeBuild's {@code runtimes.yml} format):
 * it maps runtime versions to install commands for the team's own images. A step's {@code runtimes} option
 * wins over it; without either, the image's own {@code /codebuild/image/config/runtimes.yml} is used.
 */
@Extension
@Symbol("codebuildSpec")
public final class RuntimesConfiguration extends GlobalConfiguration {
    private String runtimes;

    public RuntimesConfiguration() {
        load();
    }

    public static RuntimesConfiguration get() {
        return GlobalConfiguration.all().get(RuntimesConfiguration.class);
    }

    public String getRuntimes() {
        return runtimes;
    }

    @DataBoundSetter
    public void setRuntimes(String runtimes) {
        this.runtimes = runtimes == null || runtimes.isBlank() ? null : runtimes;
        save();
    }

    @Override
    public String getDisplayName() {
        return Messages.RuntimesConfiguration_DisplayName();
    }

    @POST
    public FormValidation doCheckRuntimes(@QueryParameter String value) {
        if (!Forms.canConfigure(null) || value == null || value.isBlank()) {
            return FormValidation.ok();
        }
        try {
            RuntimesFile.parse(value, "runtimes");
            return FormValidation.ok();
        } catch (RuntimesFile.Invalid e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
