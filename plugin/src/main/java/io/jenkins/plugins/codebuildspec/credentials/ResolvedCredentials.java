package io.jenkins.plugins.codebuildspec.credentials;

import io.jenkins.plugins.codebuildspec.Messages;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import dev.codebuildspec.run.BuildContainer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The credential bindings of a build, looked up for the run (usage tracked) and held in memory
 * only: secret variables, and secret files to copy into the container's tmpfs. Never serialized;
 * after a controller restart the bindings are resolved again.
 */
public final class ResolvedCredentials {
    public static final String SECRETS_DIR = BuildContainer.SECRETS;

    /** A secret file: its content goes to {@code path} inside the container through docker exec's stdin. */
    public record SecretFile(String variable, String path, byte[] content) {
    }

    public final Map<String, String> secretVariables = new LinkedHashMap<>();
    public final Map<String, String> plainVariables = new LinkedHashMap<>();
    public final List<SecretFile> files = new ArrayList<>();

    /**
     * @param filePaths the container paths of secret files chosen before (resume); new ones are added
     */
    public static ResolvedCredentials resolve(Run<?, ?> run, List<CredentialBinding> bindings, Map<String, String> filePaths)
            throws IOException {
        ResolvedCredentials r = new ResolvedCredentials();
        for (CredentialBinding b : bindings) {
            StandardCredentials c = CredentialsProvider.findCredentialById(b.getCredentialsId(), StandardCredentials.class, run,
                    List.of());
            if (c == null) {
                throw new AbortException(Messages.Credentials_NotFound(b.getCredentialsId()));
            }
            CredentialsProvider.track(run, c);
            if (c instanceof StringCredentials s) {
                r.secretVariables.put(need(b.getVariable(), b, "variable"), s.getSecret().getPlainText());
            } else if (c instanceof StandardUsernamePasswordCredentials up) {
                if (b.getUsernameVariable() == null && b.getPasswordVariable() == null) {
                    throw new AbortException(Messages.Credentials_NeedUsernamePassword(b.getCredentialsId()));
                }
                // Usernames are masked too: the safe default (credentials-binding masks them unless told otherwise).
                if (b.getUsernameVariable() != null) {
                    r.secretVariables.put(b.getUsernameVariable(), up.getUsername());
                }
                if (b.getPasswordVariable() != null) {
                    r.secretVariables.put(b.getPasswordVariable(), up.getPassword().getPlainText());
                }
            } else if (c instanceof FileCredentials f) {
                String variable = need(b.getVariable(), b, "variable");
                // A random name: the credential's own file name is never used as a path (SECURITY-3672).
                String path = filePaths.computeIfAbsent(variable, v -> SECRETS_DIR + "/" + UUID.randomUUID());
                byte[] content;
                try (InputStream in = f.getContent()) {
                    content = in.readAllBytes();
                }
                r.files.add(new SecretFile(variable, path, content));
                r.plainVariables.put(variable, path);
            } else {
                throw new AbortException(Messages.Credentials_UnsupportedType(b.getCredentialsId()));
            }
        }
        return r;
    }

    private static String need(String variable, CredentialBinding b, String field) throws AbortException {
        if (variable == null) {
            throw new AbortException(Messages.Credentials_NeedVariable(b.getCredentialsId(), field));
        }
        return variable;
    }
}
