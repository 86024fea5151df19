package io.jenkins.plugins.codebuildspec.credentials;

import io.jenkins.plugins.codebuildspec.Messages;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;
import hudson.model.Run;
import dev.codebuildspec.run.BuildContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.CertificateMultiBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.FileBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.SSHUserPrivateKeyBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.StringBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.UsernamePasswordBinding;
import org.jenkinsci.plugins.credentialsbinding.impl.UsernamePasswordMultiBinding;
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

    /** What bindings that are not ours wrote (files on the agent) and must be deleted when the build ends. */
    public final List<MultiBinding.Unbinder> unbinders = new ArrayList<>();

    /**
     * Resolves every binding: ours and credentials-binding's secret text, username/password, secret file, SSH
     * key and certificate kinds straight from the credentials (values stay in memory, files go to the
     * container's tmpfs); any other binding (aws(...) and the like) through its own {@code bind}, its secret
     * values masked, what it wrote deleted later through {@link #unbinders}.
     *
     * @param filePaths the container paths of secret files chosen before (resume); new ones are added
     * @param workspace where a binding of another kind may write; null: only the kinds above are accepted
     */
    public static ResolvedCredentials resolve(Run<?, ?> run, List<? extends MultiBinding<?>> bindings,
            Map<String, String> filePaths, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        ResolvedCredentials r = new ResolvedCredentials();
        for (MultiBinding<?> b : bindings) {
            String id = b.getCredentialsId();
            if (b instanceof CredentialBinding ours) {
                r.ours(run, ours, filePaths);
            } else if (b instanceof StringBinding s) {
                r.secretVariables.put(need(s.getVariable(), id), find(run, id, StringCredentials.class).getSecret().getPlainText());
            } else if (b instanceof UsernamePasswordMultiBinding up) {
                StandardUsernamePasswordCredentials c = find(run, id, StandardUsernamePasswordCredentials.class);
                r.usernamePassword(c, up.getUsernameVariable(), up.getPasswordVariable(), id);
            } else if (b instanceof UsernamePasswordBinding colon) {
                StandardUsernamePasswordCredentials c = find(run, id, StandardUsernamePasswordCredentials.class);
                r.secretVariables.put(need(colon.getVariable(), id), c.getUsername() + ":" + c.getPassword().getPlainText());
            } else if (b instanceof FileBinding f) {
                r.file(find(run, id, FileCredentials.class), need(f.getVariable(), id), filePaths);
            } else if (b instanceof SSHUserPrivateKeyBinding k) {
                r.sshKey(find(run, id, SSHUserPrivateKey.class), k, filePaths);
            } else if (b instanceof CertificateMultiBinding cert) {
                r.certificate(find(run, id, StandardCertificateCredentials.class), cert, filePaths);
            } else {
                r.theirs(run, b, workspace, launcher, listener);
            }
        }
        return r;
    }

    private void ours(Run<?, ?> run, CredentialBinding b, Map<String, String> filePaths) throws IOException {
        String id = b.getCredentialsId();
        StandardCredentials c = find(run, id, StandardCredentials.class);
        if (c instanceof StringCredentials s) {
            secretVariables.put(need(b.getVariable(), id), s.getSecret().getPlainText());
        } else if (c instanceof StandardUsernamePasswordCredentials up) {
            usernamePassword(up, b.getUsernameVariable(), b.getPasswordVariable(), id);
        } else if (c instanceof FileCredentials f) {
            file(f, need(b.getVariable(), id), filePaths);
        } else {
            throw new AbortException(Messages.Credentials_UnsupportedType(id));
        }
    }

    private void usernamePassword(StandardUsernamePasswordCredentials c, String userVariable, String passwordVariable,
            String id) throws AbortException {
        if (userVariable == null && passwordVariable == null) {
            throw new AbortException(Messages.Credentials_NeedUsernamePassword(id));
        }
        // Usernames are masked too: the safe default (credentials-binding masks them unless told otherwise).
        if (userVariable != null) {
            secretVariables.put(userVariable, c.getUsername());
        }
        if (passwordVariable != null) {
            secretVariables.put(passwordVariable, c.getPassword().getPlainText());
        }
    }

    private void file(FileCredentials f, String variable, Map<String, String> filePaths) throws IOException {
        try (InputStream in = f.getContent()) {
            file(variable, in.readAllBytes(), filePaths);
        }
    }

    /** The keys in one file, each ending in a newline (OpenSSH refuses a key without one), as credentials-binding writes it. */
    private void sshKey(SSHUserPrivateKey key, SSHUserPrivateKeyBinding b, Map<String, String> filePaths)
            throws AbortException {
        StringBuilder keys = new StringBuilder();
        key.getPrivateKeys().forEach(k -> keys.append(k).append('\n'));
        file(need(b.keyFileVariable, b.getCredentialsId()), keys.toString().getBytes(StandardCharsets.UTF_8), filePaths);
        if (b.getUsernameVariable() != null) {
            secretVariables.put(b.getUsernameVariable(), key.getUsername());
        }
        if (b.getPassphraseVariable() != null) {
            secretVariables.put(b.getPassphraseVariable(), key.getPassphrase() == null ? "" : key.getPassphrase().getPlainText());
        }
    }

    /** The keystore as PKCS#12 bytes under the credential's password, the password masked, the alias variable the description. */
    private void certificate(StandardCertificateCredentials c, CertificateMultiBinding b, Map<String, String> filePaths)
            throws AbortException {
        String id = b.getCredentialsId();
        String password = c.getPassword().getPlainText();
        ByteArrayOutputStream keystore = new ByteArrayOutputStream();
        try {
            c.getKeyStore().store(keystore, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new AbortException(Messages.Credentials_BindFailed(id, e.getMessage()));
        }
        file(need(b.getKeystoreVariable(), id), keystore.toByteArray(), filePaths);
        if (b.getPasswordVariable() != null && !b.getPasswordVariable().isEmpty()) {
            secretVariables.put(b.getPasswordVariable(), password);
        }
        if (b.getAliasVariable() != null && !b.getAliasVariable().isEmpty()) {
            plainVariables.put(b.getAliasVariable(), c.getDescription());
        }
    }

    private void file(String variable, byte[] content, Map<String, String> filePaths) {
        // A random name: the credential's own file name is never used as a path (SECURITY-3672).
        String path = filePaths.computeIfAbsent(variable, v -> SECRETS_DIR + "/" + UUID.randomUUID());
        files.add(new SecretFile(variable, path, content));
        plainVariables.put(variable, path);
    }

    /** A binding of another plugin: its own bind(), its secret values masked, its public ones plain. */
    private void theirs(Run<?, ?> run, MultiBinding<?> b, FilePath workspace, Launcher launcher, TaskListener listener)
            throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException(Messages.Credentials_NeedsBuild(b.getCredentialsId()));
        }
        MultiBinding.MultiEnvironment env;
        try {
            env = b.bind(run, workspace, launcher, listener);
        } catch (IOException e) {
            throw new AbortException(Messages.Credentials_BindFailed(b.getCredentialsId(), e.getMessage()));
        }
        secretVariables.putAll(env.getSecretValues());
        plainVariables.putAll(env.getPublicValues());
        if (env.getUnbinder() != null) {
            unbinders.add(env.getUnbinder());
        }
    }

    private static <C extends StandardCredentials> C find(Run<?, ?> run, String id, Class<C> type) throws AbortException {
        StandardCredentials any = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of());
        if (any == null) {
            throw new AbortException(Messages.Credentials_NotFound(id));
        }
        if (!type.isInstance(any)) {
            throw new AbortException(Messages.Credentials_UnsupportedType(id));
        }
        CredentialsProvider.track(run, any);
        return type.cast(any);
    }

    private static String need(String variable, String id) throws AbortException {
        if (variable == null) {
            throw new AbortException(Messages.Credentials_NeedVariable(id, "variable"));
        }
        return variable;
    }
}
