package io.jenkins.plugins.codebuildspec.host;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Owner label values of containers started by Jenkins builds:
 * {@code jenkins:<controller instance id>:<base64url of the run's externalizable id>}. The reaper
 * parses them back to find the build; containers of other controllers and of the CLI are left alone.
 */
public final class Owners {
    static final String PREFIX = "jenkins:";

    private Owners() {
    }

    public static String of(String instanceId, String runExternalizableId) {
        return PREFIX + instanceId + ":" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(runExternalizableId.getBytes(StandardCharsets.UTF_8));
    }

    /** The run's externalizable id when {@code owner} is a build of the controller {@code instanceId}. */
    public static Optional<String> runOf(String owner, String instanceId) {
        String prefix = PREFIX + instanceId + ":";
        if (!owner.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(owner.substring(prefix.length())),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
