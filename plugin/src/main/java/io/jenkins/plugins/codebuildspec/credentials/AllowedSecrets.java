package io.jenkins.plugins.codebuildspec.credentials;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which Jenkins credentials a buildspec's {@code parameter-store} and {@code secrets-manager} references may read:
 * the IDs, or ID patterns with {@code *} ({@code ssm.app.*}), that the trusted side (the job's configuration, the
 * Jenkinsfile) lists in {@code buildspecSecrets}. The buildspec is repository content, which a pull request may have
 * written; without such a list it reads none. Pure, so the rule is the same wherever it is asked.
 */
public final class AllowedSecrets implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ArrayList<String> patterns;

    private AllowedSecrets(List<String> patterns) {
        this.patterns = new ArrayList<>(patterns);
    }

    /** The option as written: IDs and patterns separated by commas or white space; null or blank: none. */
    public static AllowedSecrets parse(String option) {
        if (option == null || option.isBlank()) {
            return new AllowedSecrets(List.of());
        }
        return new AllowedSecrets(Arrays.stream(option.trim().split("[,\\s]+")).filter(s -> !s.isEmpty()).toList());
    }

    public boolean allows(String credentialsId) {
        for (String p : patterns) {
            if (glob(p).matcher(credentialsId).matches()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** {@code *} matches any run of characters, dots included; everything else is literal. */
    private static Pattern glob(String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            regex.append(".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
