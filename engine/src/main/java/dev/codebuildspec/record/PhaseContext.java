package dev.codebuildspec.record;

/** CodeBuild's {@code contexts[]} entry of a phase. */
public record PhaseContext(String statusCode, String message) {
    public static final String COMMAND_EXECUTION_ERROR = "COMMAND_EXECUTION_ERROR";
    public static final String YAML_FILE_ERROR = "YAML_FILE_ERROR";
    public static final String CLIENT_ERROR = "CLIENT_ERROR";
    public static final String UNABLE_TO_PULL_IMAGE = "BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE";
    public static final String BUILD_TIMED_OUT = "BUILD_TIMED_OUT";
    public static final String BUILD_STOPPED = "BUILD_STOPPED";
}
