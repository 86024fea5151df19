package dev.codebuildspec.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code docker} commands the engine needs, each with a timeout, run through a
 * {@link ProcessLauncher} so the same calls work on a Jenkins agent.
 */
public final class DockerCli {
    public static final Duration CONTROL_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration PULL_TIMEOUT = Duration.ofMinutes(30);

    private final ProcessLauncher launcher;
    private final String docker;

    /** The docker client this runs, as given. */
    public String executable() {
        return docker;
    }

    public DockerCli(ProcessLauncher launcher, String dockerExecutable) {
        this.launcher = launcher;
        this.docker = dockerExecutable;
    }

    /** The daemon's version; fails when no daemon answers. */
    public String serverVersion() throws DockerException, InterruptedException {
        return call(List.of("version", "--format", "{{.Server.Version}}"), CONTROL_TIMEOUT).trim();
    }

    public boolean imageExists(String image) throws DockerException, InterruptedException {
        return status(List.of("image", "inspect", "--format", "present", image), CONTROL_TIMEOUT) == 0;
    }

    public void pull(String image) throws DockerException, InterruptedException {
        call(List.of("pull", "--quiet", image), PULL_TIMEOUT);
    }

    /**
     * Starts a container from an image that is already here and returns its id; empty when the image is not
     * here. One call instead of {@code image inspect} then {@code run} (bench P2); Docker before 20.10, which
     * has no {@code --pull never}, gets the two calls.
     */
    public Optional<String> runIfPresent(ContainerSpec spec) throws DockerException, InterruptedException {
        List<String> args = new ArrayList<>(spec.runArguments());
        args.addAll(1, List.of("--pull", "never"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        if (run(args, CONTROL_TIMEOUT, out, err) == 0) {
            return Optional.of(out.toString(StandardCharsets.UTF_8).trim());
        }
        String message = err.toString(StandardCharsets.UTF_8).trim();
        if (message.contains("No such image")) {
            return Optional.empty();
        }
        if (message.contains("unknown flag: --pull")) {
            return imageExists(spec.image()) ? Optional.of(run(spec)) : Optional.empty();
        }
        throw new DockerException("docker run failed" + (message.isEmpty() ? "" : ": " + message));
    }

    /** Starts a container and returns its id. */
    public String run(ContainerSpec spec) throws DockerException, InterruptedException {
        return call(spec.runArguments(), CONTROL_TIMEOUT).trim();
    }

    /**
     * Starts {@code docker run -i --rm} of a container whose first process is {@code sh -c command}, as
     * {@code user}, and returns the attached client: its stdin is the container's, its output the container's.
     * With {@code pullNever}, an image that is not here fails it with "No such image" instead of a pull.
     */
    public RunningProcess runAttached(ContainerSpec spec, String name, String user, String command, boolean pullNever,
            InputStream stdin, OutputStream out, OutputStream err) throws DockerException {
        List<String> args = new ArrayList<>(List.of(docker));
        args.addAll(spec.attachedRunArguments(name, user, command));
        if (pullNever) {
            args.addAll(2, List.of("--pull", "never"));
        }
        try {
            return launcher.start(new ProcessRequest(args, Map.of(), stdin, out, err));
        } catch (IOException e) {
            throw new DockerException("cannot run " + docker + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts {@code docker exec -i -u 0} in the container. Secret values are passed by name
     * ({@code -e NAME}), their values only in the environment of the docker process itself.
     */
    public RunningProcess exec(String container, Map<String, String> secretEnvironment, List<String> command,
            InputStream stdin, OutputStream out) throws DockerException {
        return exec(container, "0", secretEnvironment, command, stdin, out);
    }

    /** {@code docker exec -i -u user}; as {@link #exec(String, Map, List, InputStream, OutputStream)} otherwise. */
    public RunningProcess exec(String container, String user, Map<String, String> secretEnvironment, List<String> command,
            InputStream stdin, OutputStream out) throws DockerException {
        return exec(container, user, secretEnvironment, command, stdin, out, out);
    }

    /** As {@link #exec(String, String, Map, List, InputStream, OutputStream)}, with the command's stderr apart. */
    public RunningProcess exec(String container, String user, Map<String, String> secretEnvironment, List<String> command,
            InputStream stdin, OutputStream out, OutputStream err) throws DockerException {
        List<String> args = new ArrayList<>(List.of(docker, "exec", "-i", "-u", user));
        for (String name : secretEnvironment.keySet()) {
            args.add("-e");
            args.add(name);
        }
        args.add(container);
        args.addAll(command);
        try {
            return launcher.start(new ProcessRequest(args, secretEnvironment, stdin, out, err));
        } catch (IOException e) {
            throw new DockerException("cannot run " + docker + ": " + e.getMessage(), e);
        }
    }

    /** Runs a short command as root in the container; returns its exit status. */
    public int execAndWait(String container, List<String> command, Duration timeout)
            throws DockerException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("exec", "-u", "0", container));
        args.addAll(command);
        return status(args, timeout);
    }

    public void kill(String container) throws DockerException, InterruptedException {
        status(List.of("kill", container), CONTROL_TIMEOUT);
    }

    /** Removes the container and its anonymous volumes; a container already gone is fine. */
    public void remove(String container) throws DockerException, InterruptedException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = status(List.of("rm", "-f", "-v", container), CONTROL_TIMEOUT, err);
        String text = err.toString(StandardCharsets.UTF_8);
        if (status != 0 && !text.contains("No such container")) {
            throw new DockerException("docker rm -f " + container + " failed: " + text.trim());
        }
    }

    /** Runs a throwaway container (labelled, removed after) for a short root command. */
    public int runOnce(ContainerSpec spec, List<String> command, Duration timeout)
            throws DockerException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "-u", "0", "--entrypoint", command.get(0)));
        spec.labels().forEach((k, v) -> {
            args.add("--label");
            args.add(k + "=" + v);
        });
        for (ContainerSpec.Mount m : spec.mounts()) {
            args.add("--mount");
            args.add("type=bind,source=" + m.hostPath() + ",target=" + m.containerPath());
        }
        args.add(spec.image());
        args.addAll(command.subList(1, command.size()));
        return status(args, timeout);
    }

    /** The value of one label of a container ("" when it has none). */
    public String label(String container, String label) throws DockerException, InterruptedException {
        return call(List.of("inspect", "-f", "{{index .Config.Labels \"" + label + "\"}}", container), CONTROL_TIMEOUT)
                .trim().replace("<no value>", "");
    }

    /** Containers carrying {@code label}: lines of id and the label's value. */
    public List<String[]> listByLabel(String label) throws DockerException, InterruptedException {
        String out = call(List.of("ps", "-a", "--no-trunc", "--filter", "label=" + label,
                "--format", "{{.ID}}\t{{.Label \"" + label + "\"}}"), CONTROL_TIMEOUT);
        List<String[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", 2));
            }
        }
        return rows;
    }

    private String call(List<String> args, Duration timeout) throws DockerException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = run(args, timeout, out, err);
        if (status != 0) {
            String message = err.toString(StandardCharsets.UTF_8).trim();
            throw new DockerException("docker " + args.get(0) + " failed (exit " + status + ")"
                    + (message.isEmpty() ? "" : ": " + message));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private int status(List<String> args, Duration timeout) throws DockerException, InterruptedException {
        return status(args, timeout, new ByteArrayOutputStream());
    }

    private int status(List<String> args, Duration timeout, ByteArrayOutputStream err)
            throws DockerException, InterruptedException {
        return run(args, timeout, OutputStream.nullOutputStream(), err);
    }

    private int run(List<String> args, Duration timeout, OutputStream out, OutputStream err)
            throws DockerException, InterruptedException {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(docker);
        argv.addAll(args);
        RunningProcess p;
        try {
            p = launcher.start(new ProcessRequest(argv, Map.of(), null, out, err));
        } catch (IOException e) {
            throw new DockerException("cannot run " + docker + ": " + e.getMessage(), e);
        }
        OptionalInt status;
        try {
            status = p.waitFor(timeout);
        } catch (InterruptedException e) {
            p.kill();
            throw e;
        }
        if (status.isEmpty()) {
            p.kill();
            throw new DockerException("docker " + args.get(0) + " did not answer within " + timeout.toSeconds() + " s");
        }
        return status.getAsInt();
    }
}
