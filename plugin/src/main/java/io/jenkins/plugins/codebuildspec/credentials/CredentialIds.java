package io.jenkins.plugins.codebuildspec.credentials;

import dev.codebuildspec.env.SecretReference;
import java.util.Optional;

/**
 * The documented mapping from buildspec {@code parameter-store} and {@code secrets-manager}
 * references to Jenkins credentials IDs. Pure and predictable, so users can create the credential
 * the build asks for:
 *
 * <ul>
 *   <li>{@code parameter-store} name {@code /app/db/password} → {@code ssm.app.db.password}: the
 *       leading slashes dropped, every {@code /} turned into {@code .}, then {@code ssm.} in front.</li>
 *   <li>{@code secrets-manager} secret {@code prod/db} (or its ARN, whose name part is used) →
 *       {@code secretsmanager.prod.db}; a version stage or version id other than
 *       {@code AWSCURRENT} adds {@code --<stage-or-id>}: {@code secretsmanager.prod.db--AWSPREVIOUS}.</li>
 *   <li>Any character outside {@code [A-Za-z0-9_.-]} becomes {@code _} (credentials IDs allow no more).</li>
 * </ul>
 */
public final class CredentialIds {
    static final String PARAMETER_PREFIX = "ssm.";
    static final String SECRET_PREFIX = "secretsmanager.";
    private static final String CURRENT = "AWSCURRENT";

    private CredentialIds() {
    }

    public static String forParameter(String name) {
        return PARAMETER_PREFIX + path(name);
    }

    public static String forSecret(String secretId, Optional<String> versionStage, Optional<String> versionId) {
        String id = SECRET_PREFIX + path(nameOfArn(secretId));
        Optional<String> version = versionId.or(() -> versionStage).filter(v -> !v.equals(CURRENT));
        return version.map(v -> id + "--" + sanitize(v)).orElse(id);
    }

    /** The credentials ID a full {@code secrets-manager} reference resolves through. */
    public static String forSecretReference(String reference) {
        SecretReference ref = SecretReference.parse(reference);
        return forSecret(ref.secretId(), ref.versionStage(), ref.versionId());
    }

    private static String path(String name) {
        String n = name;
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return sanitize(n.replace('/', '.'));
    }

    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            b.append(ok ? c : '_');
        }
        return b.toString();
    }

    /** {@code arn:aws:secretsmanager:region:account:secret:name} names the secret {@code name}. */
    private static String nameOfArn(String id) {
        String[] p = id.split(":", 7);
        return p.length == 7 && p[0].equals("arn") ? p[6] : id;
    }
}
