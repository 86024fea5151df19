package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.ProcessLauncher;
import dev.codebuildspec.docker.ProcessRequest;
import dev.codebuildspec.docker.RunningProcess;
import dev.codebuildspec.driver.ShellQuote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The phases on the build's machine itself, without a container: the source directory is
 * {@code CODEBUILD_SRC_DIR}, the driver's state is a private directory in memory ({@code /dev/shm}), and
 * everything runs as the user running the build, through the host's {@link ProcessLauncher} (this machine
 * for the CLI, the step's launcher on the agent for Jenkins, which {@code container('x')} or
 * {@code inside} may already have pointed into a container). Nothing is handed back: nothing was made as
 * another user.
 */
final class LocalSandbox implements Sandbox {
    /** The tmpfs every Linux machine and Kubernetes pod has; the driver's state holds secrets and must stay off disk. */
    static final String MEMORY = "/dev/shm";

    private final ProcessLauncher launcher;
    private final String stateDir;
    private volatile String id;

    LocalSandbox(ProcessLauncher launcher, String stateDir) {
        this.launcher = launcher;
        this.stateDir = stateDir;
    }

    /** Where a build keeps its driver's state: in memory, private to the build. */
    static String stateDirFor(String buildId) {
        return MEMORY + "/codebuild-spec-" + buildId.replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    /** Makes the state directory, for this user only; a machine without /dev/shm cannot keep it off disk. */
    void create() throws DockerException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String dir = ShellQuote.quote(stateDir);
        int status = pipe(List.of("sh", "-c", "if [ -d " + MEMORY + " ] && [ -w " + MEMORY + " ]; then umask 077 && "
                + "mkdir -p " + dir + "; else echo '" + MEMORY + " is not a writable directory here'; exit 1; fi"),
                InputStream.nullInputStream(), out, Duration.ofMinutes(2));
        if (status != 0) {
            throw new DockerException(out.toString(StandardCharsets.UTF_8).trim() + ": without it the build's shell state "
                    + "(secrets included) would have to be written to disk, which codebuild-spec does not do");
        }
        id = stateDir;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void adopt(String existing) {
        id = existing;
    }

    @Override
    public String stateDir() {
        return stateDir;
    }

    @Override
    public int pipe(List<String> command, InputStream in, OutputStream out, OutputStream err, Duration timeout)
            throws DockerException, InterruptedException {
        RunningProcess p;
        try {
            p = launcher.start(new ProcessRequest(command, Map.of(), in, out, err));
        } catch (IOException e) {
            throw new DockerException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        return p.statusWithin(timeout, String.join(" ", command));
    }

    /** The driver's process tree is ended by its task; nothing else of the build runs here on our account. */
    @Override
    public void kill() {
    }

    @Override
    public void handBack(int uid, int gid) {
    }

    @Override
    public void remove() throws DockerException, InterruptedException {
        if (id == null) {
            return;
        }
        String dir = ShellQuote.quote(stateDir);
        int status = pipe(List.of("rm", "-rf", stateDir, stateDir + ".bin"), InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), Duration.ofMinutes(2));
        if (status != 0) {
            throw new DockerException("cannot remove " + dir + " (exit " + status + ")");
        }
    }
}
