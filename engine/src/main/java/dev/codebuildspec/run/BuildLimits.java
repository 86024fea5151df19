package dev.codebuildspec.run;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * The bounds of what a host may ask of a build, so that the CLI, a Pipeline script and a freestyle form refuse the
 * same input with the same words.
 */
public final class BuildLimits {
    /** CodeBuild's default build timeout. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;
    /** CodeBuild's longest build timeout, 36 hours. */
    public static final int MAX_TIMEOUT_MINUTES = 2160;
    public static final String DEFAULT_BUILDSPEC = "buildspec.yml";

    private BuildLimits() {
    }

    /** Why {@code minutes} is not a timeout a build takes; empty when it is (fractions are: 0.5 is 30 s). */
    public static Optional<String> timeoutProblem(BigDecimal minutes) {
        if (minutes.signum() > 0 && minutes.compareTo(BigDecimal.valueOf(MAX_TIMEOUT_MINUTES)) <= 0) {
            return Optional.empty();
        }
        return Optional.of("the timeout must be more than 0 and at most " + MAX_TIMEOUT_MINUTES
                + " minutes (36 hours, CodeBuild's bound), got " + minutes.stripTrailingZeros().toPlainString());
    }

    /** CodeBuild keeps these names for its own variables. */
    public static final String RESERVED_PREFIX = "CODEBUILD_";
    private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * Why {@code name} cannot be a variable a user gives (in the buildspec, with --env or --secret, in the Jenkins
     * step's env); empty when it can.
     */
    public static Optional<String> variableProblem(String name) {
        if (!isVariableName(name)) {
            return Optional.of("'" + name + "' is not a valid environment variable name: use letters, digits and "
                    + "underscores, not starting with a digit");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            return Optional.of("No user environment variables can start with " + RESERVED_PREFIX + ": " + name);
        }
        return Optional.empty();
    }

    /** A shell name: letters, digits and underscores, not starting with a digit. */
    public static boolean isVariableName(String name) {
        return VARIABLE.matcher(name).matches();
    }

    /** {@code minutes} as a duration, once {@link #timeoutProblem} found none. */
    public static Duration timeout(BigDecimal minutes) {
        return Duration.ofMillis(minutes.multiply(BigDecimal.valueOf(60_000)).longValue());
    }
}
