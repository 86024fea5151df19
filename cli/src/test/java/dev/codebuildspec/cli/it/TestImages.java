package dev.codebuildspec.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The local test images, named once in {@code scripts/test-images.env} (built by scripts/build-test-images.sh). */
public final class TestImages {
    private static final Map<String, String> IMAGES = load();

    public static final String DEBIAN = get("DEBIAN_IMAGE");
    public static final String BUSYBOX = get("BUSYBOX_IMAGE");
    public static final String ENTRYPOINT = get("ENTRYPOINT_IMAGE");
    public static final String BUSYBOX_ENV = get("BUSYBOX_ENV_IMAGE");

    private TestImages() {
    }

    static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("scripts/test-images.env"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("scripts/test-images.env not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    private static String get(String name) {
        String v = IMAGES.get(name);
        if (v == null) {
            throw new IllegalStateException(name + " missing from scripts/test-images.env");
        }
        return v;
    }

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        try {
            for (String line : Files.readAllLines(repositoryRoot().resolve("scripts/test-images.env"))) {
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#") || !t.contains("=")) {
                    continue;
                }
                m.put(t.substring(0, t.indexOf('=')), t.substring(t.indexOf('=') + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
