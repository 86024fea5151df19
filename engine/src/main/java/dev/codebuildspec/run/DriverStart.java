package dev.codebuildspec.run;

import dev.codebuildspec.driver.DriverMarker;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@link DriverHost} needs to start the driver: the container, its private state directory, the script (which holds
 * no secret), the shell, the secret variables (passed by name only, {@code docker exec -e NAME}), the
 * forms of every secret value for a host that must mask before output reaches its disk, and the user
 * to run as (empty: the image's root).
 */
public record DriverStart(String containerId, String stateDir, String script, String shell,
        Map<String, String> secrets, List<String> maskForms, DriverMarker marker, Optional<String> user) {

    @Override
    public String toString() {
        return "DriverStart[" + containerId + ", " + shell + ", " + secrets.size() + " secret(s)]";
    }
}
