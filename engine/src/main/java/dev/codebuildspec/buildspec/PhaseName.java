package dev.codebuildspec.buildspec;

import java.util.Optional;

/** The four buildspec phases, in the order CodeBuild runs them. */
public enum PhaseName {
    INSTALL("install"),
    PRE_BUILD("pre_build"),
    BUILD("build"),
    POST_BUILD("post_build");

    private final String yamlKey;

    PhaseName(String yamlKey) {
        this.yamlKey = yamlKey;
    }

    public String yamlKey() {
        return yamlKey;
    }

    public static Optional<PhaseName> fromYamlKey(String key) {
        for (PhaseName p : values()) {
            if (p.yamlKey.equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
