package io.jenkins.plugins.codebuildspec.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.google.gson.JsonObject;
import hudson.model.Run;
import io.jenkins.plugins.codebuildspec.Messages;
import dev.codebuildspec.env.SecretSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Buildspec {@code parameter-store} and {@code secrets-manager} entries answered from Jenkins
 * credentials, through the mapping of {@link CredentialIds}. A parameter is a secret text
 * credential. A secret is a secret text credential (its text is the secret string, so a JSON text
 * works with {@code json-key}) or a username/password credential, whose secret string is
 * {@code {"username": …, "password": …}}. Only the credentials that the trusted side allowed ({@link AllowedSecrets})
 * are looked up at all: for any other, nothing is said about whether it exists. Lookups are tracked against the run.
 */
public final class CredentialsSecretSource implements SecretSource {
    private final Run<?, ?> run;
    private final AllowedSecrets allowed;
    /** credentials ID → whether it was found, for the log. */
    private final Map<String, Boolean> lookedUp = new TreeMap<>();

    public CredentialsSecretSource(Run<?, ?> run, AllowedSecrets allowed) {
        this.run = run;
        this.allowed = allowed;
    }

    @Override
    public Optional<String> parameter(String name) {
        String id = CredentialIds.forParameter(name);
        StandardCredentials c = find(id);
        if (c instanceof StringCredentials s) {
            return Optional.of(s.getSecret().getPlainText());
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> secret(String secretId, Optional<String> versionStage, Optional<String> versionId) {
        String id = CredentialIds.forSecret(secretId, versionStage, versionId);
        StandardCredentials c = find(id);
        if (c instanceof StringCredentials s) {
            return Optional.of(s.getSecret().getPlainText());
        }
        if (c instanceof StandardUsernamePasswordCredentials up) {
            JsonObject o = new JsonObject();
            o.addProperty("username", up.getUsername());
            o.addProperty("password", up.getPassword().getPlainText());
            return Optional.of(o.toString());
        }
        return Optional.empty();
    }

    @Override
    public String parameterMissing(String name) {
        return missing(CredentialIds.forParameter(name), "a secret text credential");
    }

    @Override
    public String secretMissing(String secretId, Optional<String> versionStage, Optional<String> versionId) {
        return missing(CredentialIds.forSecret(secretId, versionStage, versionId),
                "a secret text or a username/password credential");
    }

    private String missing(String id, String kind) {
        if (!allowed.allows(id)) {
            int second = id.indexOf('.', id.indexOf('.') + 1);
            return Messages.CredentialsSecretSource_NotAllowed(id, second < 0 ? id : id.substring(0, second + 1) + "*");
        }
        return Messages.CredentialsSecretSource_NotFound(id, kind);
    }

    private StandardCredentials find(String id) {
        if (!allowed.allows(id)) {
            return null; // not looked up: whether it exists is not this build's business
        }
        StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of());
        boolean usable = c instanceof StringCredentials || c instanceof StandardUsernamePasswordCredentials;
        lookedUp.put(id, usable);
        if (c != null) {
            CredentialsProvider.track(run, c);
        }
        return usable ? c : null;
    }

    /** Lines for the log: which credentials the buildspec's references were looked up as. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        lookedUp.forEach((id, found) -> lines.add("Jenkins credentials '" + id + "' for a buildspec secret reference: "
                + (found ? "found" : "not found (a secret text credential, or username/password for secrets-manager)")));
        return lines;
    }
}
