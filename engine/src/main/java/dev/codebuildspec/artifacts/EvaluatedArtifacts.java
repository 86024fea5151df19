package dev.codebuildspec.artifacts;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code name} and {@code base-directory} values after shell evaluation in the build container
 * ({@code builds/$CODEBUILD_BUILD_NUMBER}, {@code $(date +%F)}), keyed by artifact identifier, {@link #PRIMARY}
 * for the primary set. The planner never evaluates anything itself: a value missing here is used as written.
 */
public record EvaluatedArtifacts(Map<String, Values> byIdentifier) {
    /** The key of the primary artifact set. */
    public static final String PRIMARY = "";

    /** One set's evaluated values; empty means "not evaluated, use the buildspec text". */
    public record Values(Optional<String> name, Optional<String> baseDirectory) {
        public Values {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseDirectory, "baseDirectory");
        }
    }

    public EvaluatedArtifacts {
        byIdentifier = Map.copyOf(byIdentifier);
    }

    /** Nothing evaluated: every value as written. */
    public static EvaluatedArtifacts none() {
        return new EvaluatedArtifacts(Map.of());
    }

    /**
     * The values the driver evaluated, keyed as {@code BuildExpressions} names them
     * ({@code artifacts.name}, {@code artifacts.<id>.base-directory}...), for every set of {@code spec}.
     */
    public static EvaluatedArtifacts from(ArtifactsSpec spec, Map<String, String> evaluated) {
        EvaluatedArtifacts e = none().with(PRIMARY, evaluated.get(key(PRIMARY, "name")),
                evaluated.get(key(PRIMARY, "base-directory")));
        for (String id : spec.secondaryArtifacts().keySet()) {
            e = e.with(id, evaluated.get(key(id, "name")), evaluated.get(key(id, "base-directory")));
        }
        return e;
    }

    /** The driver's key for a set's value: {@code artifacts.name} or {@code artifacts.<id>.name}. */
    public static String key(String identifier, String field) {
        return "artifacts." + (identifier.isEmpty() ? "" : identifier + ".") + field;
    }

    /** A copy with one set's values; {@code null} leaves that value as written. */
    public EvaluatedArtifacts with(String identifier, String name, String baseDirectory) {
        Map<String, Values> copy = new LinkedHashMap<>(byIdentifier);
        copy.put(identifier, new Values(Optional.ofNullable(name), Optional.ofNullable(baseDirectory)));
        return new EvaluatedArtifacts(copy);
    }

    /** The name to use: evaluated if known, else as written; a name that evaluated to "" means no name. */
    Optional<String> name(String identifier, ArtifactsSpec set) {
        Optional<String> evaluated = values(identifier).flatMap(Values::name);
        return evaluated.or(set::name).filter(n -> !n.isEmpty());
    }

    /** The base directory to use, "" for the source root. */
    String baseDirectory(String identifier, ArtifactsSpec set) {
        Optional<String> evaluated = values(identifier).flatMap(Values::baseDirectory);
        return evaluated.or(set::baseDirectory).orElse("");
    }

    private Optional<Values> values(String identifier) {
        return Optional.ofNullable(byIdentifier.get(identifier));
    }
}
