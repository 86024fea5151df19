package dev.codebuildspec.cli;

import dev.codebuildspec.run.BuildLimits;
import dev.codebuildspec.run.BuildContainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build's variables as {@code run} takes them: {@code --env NAME=VALUE} (plain, on the command line),
 * {@code --secret NAME} (the value from this process's environment, never from argv) and
 * {@code --secret-file NAME} (a file whose path is in the environment, for the container's tmpfs).
 */
final class Variables {

    private final List<String> env;
    private final List<String> secrets;
    private final List<String> secretFiles;
    private final Map<String, String> environment;
    private final Map<String, String> plain;
    private final Map<String, String> secret;
    private final Map<String, byte[]> files;

    Variables(List<String> env, List<String> secrets, List<String> secretFiles, Map<String, String> environment)
            throws IOException {
        this.env = env;
        this.secrets = secrets;
        this.secretFiles = secretFiles;
        this.environment = environment;
        this.plain = plainOverrides();
        this.secret = secretOverrides(plain);
        this.files = secretFiles(plain, secret);
    }

    Map<String, String> plain() {
        return plain;
    }

    Map<String, String> secret() {
        return secret;
    }

    Map<String, byte[]> files() {
        return files;
    }

    private Map<String, String> plainOverrides() {
        Map<String, String> plain = new LinkedHashMap<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new UsageError("--env expects NAME=VALUE, got '" + e + "'");
            }
            plain.put(checkName(e.substring(0, eq), "--env"), e.substring(eq + 1));
        }
        return plain;
    }

    private Map<String, String> secretOverrides(Map<String, String> plain) {
        Map<String, String> secret = new LinkedHashMap<>();
        for (String name : secrets) {
            checkName(name, "--secret");
            if (plain.containsKey(name)) {
                throw new UsageError(name + " is given both as --env and as --secret");
            }
            String value = environment.get(name);
            if (value == null) {
                throw new UsageError("--secret " + name + ": no variable " + name
                        + " in this process's environment (the value is read from there, never from the command line)");
            }
            secret.put(name, value);
        }
        return secret;
    }

    /** Each --secret-file: the file is read here and goes to the container's tmpfs; its variable names it there. */
    private Map<String, byte[]> secretFiles(Map<String, String> plain, Map<String, String> secret) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : secretFiles) {
            checkName(name, "--secret-file");
            if (plain.containsKey(name) || secret.containsKey(name)) {
                throw new UsageError(name + " is given twice (--env, --secret or --secret-file)");
            }
            String path = environment.get(name);
            if (path == null) {
                throw new UsageError("--secret-file " + name + ": no variable " + name
                        + " in this process's environment (it holds the path of the file)");
            }
            byte[] content;
            try {
                content = Files.readAllBytes(Path.of(path));
            } catch (IOException e) {
                throw new UsageError("--secret-file " + name + ": " + IoProblem.describe(Path.of(path), e));
            }
            String inContainer = BuildContainer.SECRETS + "/" + dev.codebuildspec.driver.RandomBytes.uuid();
            files.put(inContainer, content);
            plain.put(name, inContainer);
        }
        return files;
    }

    private static String checkName(String name, String option) {
        BuildLimits.variableProblem(name).ifPresent(problem -> {
            throw new UsageError(option + ": " + problem);
        });
        return name;
    }
}
