package io.jenkins.plugins.codebuildspec.build;

import io.jenkins.plugins.codebuildspec.env.SecretSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one build needs. {@code secretOverrides} holds values in memory only; nothing here
 * is ever written out. {@code buildspec} is relative to {@code sourceDir}.
 *
 * @param owner value of the owner label, e.g. {@code cli:host:pid:start}, for the reaper
 * @param ownerUid when present, files in the source tree are handed to this uid:gid at the end
 * @param cacheDir where the local cache lives; empty: no cache
 */
public record BuildRequest(
        Path sourceDir,
        String buildspec,
        String image,
        Map<String, String> plainOverrides,
        Map<String, String> secretOverrides,
        SecretSource secretSource,
        Duration timeout,
        String project,
        long buildNumber,
        String initiator,
        Optional<String> sourceVersion,
        Optional<String> resolvedSourceVersion,
        String owner,
        OptionalInt ownerUid,
        OptionalInt ownerGid,
        boolean privileged,
        Optional<Path> cacheDir) {

    public BuildRequest {
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(buildspec, "buildspec");
        Objects.requireNonNull(image, "image");
        plainOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(plainOverrides));
        secretOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(secretOverrides));
    }

    public Path buildspecFile() {
        return sourceDir.resolve(buildspec).normalize();
    }

    @Override
    public String toString() {
        return "BuildRequest[" + sourceDir + ", " + buildspec + ", " + image + "]";
    }
}
