package dev.codebuildspec.bench;

import dev.codebuildspec.driver.DetachedDriverScript;
import dev.codebuildspec.driver.DriverMarker;
import dev.codebuildspec.mask.SecretForms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * For P9: writes the exact script a Jenkins (durable-task) build runs in its container, around a driver that
 * prints {@code bytes} of log lines after one line quoting the secrets, masked and unmasked, and the
 * variables that carry the forms to mask (as the plugin passes them by name to {@code docker exec -e}).
 *
 * <p>Usage: {@code DetachedTask <dir> <bytes> <secrets>}; writes {@code masked.sh}, {@code plain.sh} and
 * {@code forms.env} (NAME=value lines, for the bench's own {@code docker exec} client environment) into dir.
 */
public final class DetachedTask {
    private DetachedTask() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long bytes = Long.parseLong(args[1]);
        List<String> secrets = Workloads.secrets(Integer.parseInt(args[2]));
        String line = "[INFO] Compiling module src/main/java/com/example/Service.java ... ok (0.012s) build step 4242";
        StringBuilder driver = new StringBuilder("printf 'secrets:");
        for (int i = 0; i < secrets.size(); i++) {
            driver.append(" %s");
        }
        driver.append("\\n'");
        secrets.forEach(s -> driver.append(" '").append(s).append('\''));
        driver.append("\nyes '").append(line).append("' | head -c ").append(bytes).append('\n');
        DriverMarker marker = DriverMarker.random();
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("masked.sh"), DetachedDriverScript.script(driver.toString(), "sh", marker, true,
                "/tmp/p9-state"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("plain.sh"), DetachedDriverScript.script(driver.toString(), "sh", marker, false,
                "/tmp/p9-state"), StandardCharsets.UTF_8);
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> e : DetachedDriverScript.maskVariables(SecretForms.of(secrets)).entrySet()) {
            env.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        Files.writeString(dir.resolve("forms.env"), env.toString(), StandardCharsets.UTF_8);
    }
}
