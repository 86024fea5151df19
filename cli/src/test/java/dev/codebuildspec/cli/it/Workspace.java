package dev.codebuildspec.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source directory for one test build. {@code build(image)} writes nothing but runs the CLI
 * with {@code --source} this directory and {@code --record} a file next to it.
 */
public final class Workspace {
    private final Path root;
    private final Path src;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> extraArgs = new ArrayList<>();

    public Workspace(Path tempDir) {
        this.root = tempDir;
        this.src = tempDir.resolve("src");
        try {
            Files.createDirectories(src);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path src() {
        return src;
    }

    public Path record() {
        return root.resolve("record.json");
    }

    public Workspace buildspec(String yaml) {
        return file("buildspec.yml", yaml);
    }

    public Workspace file(String name, String content) {
        try {
            Path f = src.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** An environment variable of the CLI process itself (where --secret reads values). */
    public Workspace processEnv(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Workspace args(String... args) {
        extraArgs.addAll(List.of(args));
        return this;
    }

    public CliResult run(String image) {
        List<String> args = new ArrayList<>(List.of("run", "--source", src.toString(), "--image", image,
                "--record", record().toString()));
        args.addAll(extraArgs);
        return Cli.run(root, env, record(), args.toArray(String[]::new));
    }

    /** The CLI with exactly these arguments; the record is read from {@link #record()} when one was written. */
    public CliResult cliWithRecord(String... args) {
        return Cli.run(root, env, record(), args);
    }

    public CliResult cli(String... args) {
        return Cli.run(root, env, null, args);
    }
}
