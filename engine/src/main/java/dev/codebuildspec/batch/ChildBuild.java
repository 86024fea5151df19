package dev.codebuildspec.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One build of a batch. Empty optionals mean "inherit from the parent build": {@code buildspec}
 * empty runs the parent's buildspec. {@code variables} are the overrides merged over the parent's
 * {@code env.variables}, in source order. {@code computeType} is carried so the record can show it
 * (a local runner has no compute types); {@code debugSession} is parsed but not acted on.
 */
public record ChildBuild(
        String identifier,
        Optional<String> buildspec,
        Optional<String> image,
        Optional<Boolean> privilegedMode,
        Optional<String> computeType,
        Map<String, String> variables,
        List<String> dependsOn,
        boolean ignoreFailure,
        boolean debugSession) {

    /** Set in every child build to its identifier [CodeBuild batch-build docs]. */
    public static final String IDENTIFIER_VARIABLE = "CODEBUILD_BATCH_BUILD_IDENTIFIER";

    // The identifier names the child's log file and its artifact directory, so it must never be a path.
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]+");

    public ChildBuild {
        Objects.requireNonNull(identifier, "identifier");
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("batch identifier '" + identifier
                    + "' must contain only letters, digits and underscores");
        }
        Objects.requireNonNull(buildspec, "buildspec");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(privilegedMode, "privilegedMode");
        Objects.requireNonNull(computeType, "computeType");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        dependsOn = List.copyOf(dependsOn);
    }

    /**
     * The variables this child adds over the parent's environment: the overrides, then
     * {@value #IDENTIFIER_VARIABLE}, which an override cannot replace.
     */
    public Map<String, String> environment() {
        LinkedHashMap<String, String> env = new LinkedHashMap<>(variables);
        env.remove(IDENTIFIER_VARIABLE);
        env.put(IDENTIFIER_VARIABLE, identifier);
        return Collections.unmodifiableMap(env);
    }
}
