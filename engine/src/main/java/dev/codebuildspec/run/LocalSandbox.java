package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.LocalProcessLauncher;
import dev.codebuildspec.docker.RunningProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The phases on this machine itself, without a container: the source directory is {@code CODEBUILD_SRC_DIR},
 * the driver's state is a private directory in memory ({@code /dev/shm}), and everything runs as the user
 * running the build. Nothing is handed back (nothing was made as another user); removing it deletes the state.
 */
final class LocalSandbox implements Sandbox {
    /** The tmpfs every Linux machine and Kubernetes pod has; the driver's state holds secrets and must stay off disk. */
    static final Path MEMORY = Path.of("/dev/shm");

    private final String stateDir;
    private volatile String id;

    LocalSandbox(String stateDir) {
        this.stateDir = stateDir;
    }

    /** Where a build keeps its driver's state: in memory, private to the build. */
    static String stateDirFor(String buildId) {
        return MEMORY.resolve("codebuild-spec-" + buildId.replaceAll("[^A-Za-z0-9_.-]", "-")).toString();
    }

    /** Makes the state directory, readable by this user only; a machine without /dev/shm cannot keep it off disk. */
    void create() throws DockerException {
        if (!Files.isDirectory(MEMORY) || !Files.isWritable(MEMORY)) {
            throw new DockerException(MEMORY + " is not a writable directory here: without it the build's shell "
                    + "state (secrets included) would have to be written to disk, which codebuild-spec does not do");
        }
        try {
            Files.createDirectories(Path.of(stateDir), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new DockerException("cannot make " + stateDir + ": " + e.getMessage(), e);
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
    public int pipe(List<String> command, InputStream in, OutputStream out, Duration timeout)
            throws DockerException, InterruptedException {
        RunningProcess p;
        try {
            p = new LocalProcessLauncher().start(new dev.codebuildspec.docker.ProcessRequest(command, Map.of(), in, out, out));
        } catch (IOException e) {
            throw new DockerException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        OptionalInt status = p.waitFor(timeout);
        if (status.isEmpty()) {
            p.kill();
            throw new DockerException(String.join(" ", command) + " did not finish within " + timeout.toMinutes() + " minutes");
        }
        return status.getAsInt();
    }

    /** The driver's process tree is ended by its task; nothing else of the build runs here on our account. */
    @Override
    public void kill() {
    }

    @Override
    public void handBack(int uid, int gid) {
    }

    @Override
    public void remove() throws DockerException {
        try {
            deleteTree(Path.of(stateDir + ".bin"));
            deleteTree(Path.of(stateDir));
        } catch (IOException e) {
            throw new DockerException("cannot remove " + stateDir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
