package dev.codebuildspec.run;

import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import dev.codebuildspec.docker.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one container of one build: started, handed back, removed. Every host drives it through the
 * same methods; only the {@code ProcessLauncher} behind its {@link DockerCli} differs.
 */
public final class BuildContainer implements Sandbox {
    public static final String TMP = "/codebuild/output/tmp";
    public static final String STATE = TMP + "/state";
    /** The home of a build that runs as its owner (who has none in the image), in the tmpfs. */
    public static final String OWNER_HOME = TMP + "/home";
    /** Secret files, in the tmpfs: never on the host's disk. */
    public static final String SECRETS = TMP + "/secrets";
    private static final Duration CHOWN_TIMEOUT = Duration.ofMinutes(10);

    private final DockerCli docker;
    private final ContainerSpec spec;
    private final String srcDir;
    private final ContainerLaunch launch;
    private volatile String id;

    public BuildContainer(DockerCli docker, ContainerSpec spec, String srcDir) {
        this(docker, spec, srcDir, ContainerLaunch.DETACHED);
    }

    public BuildContainer(DockerCli docker, ContainerSpec spec, String srcDir, ContainerLaunch launch) {
        this.docker = docker;
        this.spec = spec;
        this.srcDir = srcDir;
        this.launch = launch;
    }

    /**
     * The container of a build: our labels, the source at {@code CODEBUILD_SRC_DIR}, a tmpfs for the driver, and
     * what the host mounts besides.
     */
    static ContainerSpec spec(BuildRequest request, BuildPlan plan, List<ContainerSpec.Mount> extraMounts) {
        Map<String, String> labels = new LinkedHashMap<>(Map.of(Labels.OWNER, request.owner(),
                Labels.BUILD_ID, plan.builtIns().buildId(),
                Labels.STARTED, Long.toString(plan.builtIns().startTimeMillis())));
        if (request.ownerUid().isPresent() && request.ownerUid().getAsInt() != 0) {
            int uid = request.ownerUid().getAsInt();
            labels.put(Labels.HAND_BACK, uid + ":" + request.ownerGid().orElse(uid) + ":" + plan.srcDir());
        }
        List<ContainerSpec.Mount> mounts = new ArrayList<>();
        mounts.add(new ContainerSpec.Mount(request.sourceDir().toAbsolutePath().toString(), plan.srcDir()));
        mounts.addAll(extraMounts);
        return new ContainerSpec(request.image(), labels, mounts, List.of(TMP), request.privileged());
    }

    public void start() throws DockerException, InterruptedException {
        id = launch.start(docker, spec);
    }

    /** Starts the container when its image is here; false (and nothing started) when the image must be pulled. */
    public boolean startIfPresent() throws DockerException, InterruptedException {
        id = launch.startIfPresent(docker, spec).orElse(null);
        return id != null;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public void adopt(String containerId) {
        id = containerId;
    }

    @Override
    public String stateDir() {
        return STATE;
    }

    /** Runs a command as root with {@code in} as its stdin, its stdout to {@code out}, its stderr to {@code err}. */
    @Override
    public int pipe(List<String> command, InputStream in, OutputStream out, OutputStream err, Duration timeout)
            throws DockerException, InterruptedException {
        return docker.exec(id, "0", Map.of(), command, in, out, err).statusWithin(timeout, String.join(" ", command));
    }

    @Override
    public void kill() throws DockerException, InterruptedException {
        if (id != null) {
            docker.kill(id);
        }
    }

    @Override
    public void handBack(int uid, int gid) throws DockerException, InterruptedException {
        List<String> chown = List.of("chown", "-R", uid + ":" + gid, srcDir);
        if (id != null && docker.execAndWait(id, chown, CHOWN_TIMEOUT) == 0) {
            launch.handedBack();
            return;
        }
        // The container is gone or stopped (timeout, stop, daemon restart): a throwaway one does it.
        int status = docker.runOnce(spec, chown, CHOWN_TIMEOUT);
        if (status != 0) {
            throw new DockerException("could not hand the source tree back to " + uid + ":" + gid + " (exit " + status + ")");
        }
    }

    @Override
    public void remove() throws DockerException, InterruptedException {
        if (id != null) {
            launch.remove(docker, id);
        }
    }
}
