package io.jenkins.plugins.codebuildspec.credentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.ui.Forms;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.credentialsbinding.BindingDescriptor;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The older form of a credential binding, {@code codebuildCredential(credentialsId:, variable:,
 * usernameVariable:, passwordVariable:)}, kept for existing jobs and Pipelines. One credential made available
 * by kind: secret text → {@code variable}; username/password → {@code usernameVariable} and
 * {@code passwordVariable}; secret file → {@code variable} holds the path of a copy in the container's
 * in-memory {@code /codebuild/output/tmp/secrets}, never in the workspace. A {@link MultiBinding} like
 * credentials-binding's own, so it sits in the same {@code credentials:} list as {@code string(...)} or
 * {@code aws(...)}.
 */
public final class CredentialBinding extends MultiBinding<StandardCredentials> {

    private String variable;
    private String usernameVariable;
    private String passwordVariable;

    @DataBoundConstructor
    public CredentialBinding(String credentialsId) {
        super(credentialsId);
    }

    public String getVariable() {
        return variable;
    }

    @DataBoundSetter
    public void setVariable(String variable) {
        this.variable = Forms.blankToNull(variable);
    }

    public String getUsernameVariable() {
        return usernameVariable;
    }

    @DataBoundSetter
    public void setUsernameVariable(String usernameVariable) {
        this.usernameVariable = Forms.blankToNull(usernameVariable);
    }

    public String getPasswordVariable() {
        return passwordVariable;
    }

    @DataBoundSetter
    public void setPasswordVariable(String passwordVariable) {
        this.passwordVariable = Forms.blankToNull(passwordVariable);
    }

    @Override
    protected Class<StandardCredentials> type() {
        return StandardCredentials.class;
    }

    @Override
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        for (String v : new String[] {variable, usernameVariable, passwordVariable}) {
            if (v != null) {
                names.add(v);
            }
        }
        return names;
    }

    /**
     * For {@code withCredentials}: the values of secret text and username/password credentials. A secret file
     * is only ever copied into a build container's memory, never written to the agent, so it is refused here.
     */
    @Override
    public MultiEnvironment bind(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        ResolvedCredentials resolved = ResolvedCredentials.resolve(run, List.of(this), new LinkedHashMap<>(), null, null, null);
        if (!resolved.files.isEmpty()) {
            throw new AbortException(Messages.Credentials_FileOnlyInBuild(getCredentialsId()));
        }
        Map<String, String> values = new LinkedHashMap<>(resolved.secretVariables);
        return new MultiEnvironment(values);
    }

    @Extension
    @Symbol("codebuildCredential")
    public static final class DescriptorImpl extends BindingDescriptor<StandardCredentials> {
        @Override
        protected Class<StandardCredentials> type() {
            return StandardCredentials.class;
        }

        @Override
        public String getDisplayName() {
            return Messages.CredentialBinding_DisplayName();
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkCredentialsId(item, value, StandardCredentials.class);
        }

        @POST
        public FormValidation doCheckVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkVariableName(item, value, false);
        }

        @POST
        public FormValidation doCheckUsernameVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkVariableName(item, value, false);
        }

        @POST
        public FormValidation doCheckPasswordVariable(@AncestorInPath Item item, @QueryParameter String value) {
            return Forms.checkVariableName(item, value, false);
        }
    }
}
