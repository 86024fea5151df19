package dev.codebuildspec.docker;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A process to start: argv, variables added to the environment it inherits, what to feed its
 * stdin (then EOF; empty for none), and where its output goes.
 */
public record ProcessRequest(List<String> command, Map<String, String> environment, InputStream stdin,
        OutputStream stdout, OutputStream stderr) {
    public ProcessRequest {
        command = List.copyOf(command);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        stdin = stdin == null ? InputStream.nullInputStream() : stdin;
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    @Override
    public String toString() {
        // Never the environment: it carries secret values.
        return String.join(" ", command);
    }
}
