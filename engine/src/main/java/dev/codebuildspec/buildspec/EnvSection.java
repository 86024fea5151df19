package dev.codebuildspec.buildspec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code env} section ({@code environment_variables.plaintext} in version 0.1 lands in
 * {@link #variables()}). Maps keep source order.
 */
public record EnvSection(
        String shell,
        Map<String, EnvValue> variables,
        Map<String, EnvValue> parameterStore,
        Map<String, EnvValue> secretsManager,
        List<String> exportedVariables,
        boolean gitCredentialHelper) {

    public static final String DEFAULT_SHELL = "sh";
    public static final EnvSection EMPTY =
            new EnvSection(DEFAULT_SHELL, Map.of(), Map.of(), Map.of(), List.of(), false);

    public EnvSection {
        variables = ordered(variables);
        parameterStore = ordered(parameterStore);
        secretsManager = ordered(secretsManager);
        exportedVariables = List.copyOf(exportedVariables);
    }

    private static Map<String, EnvValue> ordered(Map<String, EnvValue> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
