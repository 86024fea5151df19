package dev.codebuildspec.env;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CodeBuild's built-in variables for one build. {@code CODEBUILD_BUILD_SUCCEEDING} is not here:
 * the driver keeps it current as phases fail.
 */
public record BuiltInVariables(String project, String uuid, long buildNumber, String srcDir, long startTimeMillis,
        String initiator, String image, Optional<String> sourceVersion, Optional<String> resolvedSourceVersion) {

    public static final String REGION = "local";
    public static final String ACCOUNT = "000000000000";

    public String buildId() {
        return project + ":" + uuid;
    }

    public String buildArn() {
        return "arn:aws:codebuild:" + REGION + ":" + ACCOUNT + ":build/" + buildId();
    }

    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CODEBUILD_BUILD_ID", buildId());
        m.put("CODEBUILD_BUILD_ARN", buildArn());
        m.put("CODEBUILD_BUILD_NUMBER", Long.toString(buildNumber));
        m.put("CODEBUILD_SRC_DIR", srcDir);
        m.put("CODEBUILD_START_TIME", Long.toString(startTimeMillis));
        m.put("CODEBUILD_INITIATOR", initiator);
        m.put("CODEBUILD_BUILD_IMAGE", image);
        sourceVersion.ifPresent(v -> m.put("CODEBUILD_SOURCE_VERSION", v));
        resolvedSourceVersion.ifPresent(v -> m.put("CODEBUILD_RESOLVED_SOURCE_VERSION", v));
        m.put("HOME", "/root");
        return m;
    }
}
