package io.jenkins.plugins.codebuildspec.steps;

import dev.codebuildspec.run.BuildLimits;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.ui.Forms;

import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import java.io.Serializable;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A plain (non-secret) environment variable for the build; it wins over the buildspec's {@code env/variables}. */
public final class EnvironmentVariable implements Describable<EnvironmentVariable>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String value;

    @DataBoundConstructor
    public EnvironmentVariable(String name, String value) {
        this.name = name == null ? "" : name.trim();
        this.value = value == null ? "" : value;
        BuildLimits.variableProblem(this.name).ifPresent(problem -> {
            throw new IllegalArgumentException("codebuildEnv: " + problem);
        });
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public Descriptor<EnvironmentVariable> getDescriptor() {
        return Jenkins.get().getDescriptorOrDie(EnvironmentVariable.class);
    }

    /** The variables by name, in their order; a later one of the same name wins. */
    static java.util.Map<String, String> toMap(java.util.List<EnvironmentVariable> variables) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (variables != null) {
            for (EnvironmentVariable v : variables) {
                m.put(v.getName(), v.getValue());
            }
        }
        return m;
    }

    @Extension
    @Symbol("codebuildEnv")
    public static final class DescriptorImpl extends Descriptor<EnvironmentVariable> {
        @Override
        public String getDisplayName() {
            return Messages.EnvironmentVariable_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkVariableName(item, value, true);
        }
    }
}
