package io.jenkins.plugins.codebuildspec.credentials;

import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.ui.Forms;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.Serializable;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One Jenkins credential made available to the build as environment variables, by kind:
 * secret text → {@code variable}; username/password → {@code usernameVariable} and
 * {@code passwordVariable}; secret file → {@code variable} holds the path of a copy in the
 * container's in-memory {@code /codebuild/output/tmp/secrets}, never in the workspace.
 */
public final class CredentialBinding implements Describable<CredentialBinding>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private String variable;
    private String usernameVariable;
    private String passwordVariable;

    @DataBoundConstructor
    public CredentialBinding(String credentialsId) {
        this.credentialsId = credentialsId;
    }

    public String getCredentialsId() {
        return credentialsId;
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
    public Descriptor<CredentialBinding> getDescriptor() {
        return Jenkins.get().getDescriptorOrDie(CredentialBinding.class);
    }

    @Extension
    @Symbol("codebuildCredential")
    public static final class DescriptorImpl extends Descriptor<CredentialBinding> {
        @Override
        public String getDisplayName() {
            return Messages.CredentialBinding_DisplayName();
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return Forms.credentialsItems(item, credentialsId, StandardCredentials.class);
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
