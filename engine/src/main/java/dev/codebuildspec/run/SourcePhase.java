package dev.codebuildspec.run;

import dev.codebuildspec.docker.ContainerReaper;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.driver.ShellQuote;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.record.PhaseContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The container half of DOWNLOAD_SOURCE: reap leftovers, pull the image if it is not here, start the
 * container, check the shell, select runtime versions, put secret files into the tmpfs. Each step
 * returns why DOWNLOAD_SOURCE fails, if it does.
 */
final class SourcePhase {
    private final BuildHost host;
    private final BuildRequest request;
    private final LogSink log;

    SourcePhase(BuildHost host, BuildRequest request, LogSink log) {
        this.host = host;
        this.request = request;
        this.log = log;
    }

    /**
     * Reaps leftovers, pulls the image if it is not here, starts the container. The reaper's listing (also the
     * check that a daemon answers) runs beside the start, off the critical path (bench P2).
     */
    Optional<PhaseContext> provision(BuildContainer container) throws InterruptedException {
        CompletableFuture<List<String>> reaping = CompletableFuture.supplyAsync(() -> {
            try {
                return new ContainerReaper(host.docker()).reap(host.ownerGone());
            } catch (DockerException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
        Optional<PhaseContext> started = start(container);
        try {
            List<String> reaped = reaping.join();
            if (!reaped.isEmpty()) {
                log.agent("Removed " + reaped.size() + " container(s) left by builds that no longer run");
            }
        } catch (CompletionException e) {
            if (started.isPresent()) { // no daemon: say that, not what failed because of it
                return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR,
                        "Docker is not available: " + e.getCause().getMessage()));
            }
            log.agent("Warning: leftover containers could not be listed: ", e.getCause().getMessage());
        }
        return started;
    }

    private Optional<PhaseContext> start(BuildContainer container) throws InterruptedException {
        try {
            if (container.startIfPresent()) {
                return Optional.empty();
            }
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, "Cannot start the build container: " + e.getMessage()));
        }
        try {
            log.agent("Pulling image ", request.image());
            host.pull(request.image());
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.UNABLE_TO_PULL_IMAGE,
                    "Unable to pull customer's container image " + request.image() + ": " + e.getMessage()));
        }
        try {
            container.start();
            return Optional.empty();
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, "Cannot start the build container: " + e.getMessage()));
        }
    }

    /**
     * Without a container: the state directory in memory, and each thing that cannot hold said plainly. Secret
     * files and running as another user need a container's tmpfs and root: refused, never done halfway.
     */
    Optional<PhaseContext> onThisMachine(LocalSandbox sandbox, BuildPlan plan) throws InterruptedException {
        if (!request.secretFiles().isEmpty() || request.driverAsOwner()) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, "Without a container, secret files and "
                    + "running as the owner are not available (they need the container's in-memory directory)"));
        }
        log.agent("Running the phases on this machine, without a container: CODEBUILD_SRC_DIR is the source "
                + "directory, as the user running the build");
        log.agent("Without a container: files written outside CODEBUILD_SRC_DIR stay, and processes that detach "
                + "from the build (daemons) are not ended with it");
        if (plan.spec().phases().values().stream().anyMatch(p -> p.runAs().isPresent())
                || plan.spec().runAs().isPresent()) {
            log.agent("Without a container: run-as switches user only when the build runs as root");
        }
        if (request.privileged()) {
            log.agent("Without a container: privileged mode has no meaning and is ignored");
        }
        try {
            sandbox.create();
            return Optional.empty();
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
        }
    }

    /** {@code env.shell: bash} needs a bash in the image; sh is always there (CodeBuild requires it). */
    Optional<PhaseContext> checkShell(BuildPlan plan, Sandbox container) throws InterruptedException {
        String shell = plan.spec().env().shell();
        if (shell.equals("sh")) {
            return Optional.empty();
        }
        try {
            int status = container.pipe(List.of("sh", "-c", "command -v " + shell), InputStream.nullInputStream(),
                    OutputStream.nullOutputStream(), DockerCli.CONTROL_TIMEOUT);
            return status == 0 ? Optional.empty() : Optional.of(new PhaseContext(PhaseContext.YAML_FILE_ERROR,
                    "env/shell is " + shell + ", but " + (request.noContainer() ? "this machine" : "the image "
                            + plan.builtIns().image()) + " has no " + shell));
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
        }
    }

    /**
     * Secret files go through {@code docker exec}'s stdin into the tmpfs: no disk, no argv. A build that runs
     * as the owner gets the driver's directories made and handed to it first.
     */
    Optional<PhaseContext> installSecretFiles(Sandbox container) throws InterruptedException {
        Optional<String> user = request.driverUser();
        if (request.secretFiles().isEmpty() && user.isEmpty()) {
            return Optional.empty();
        }
        String owner = user.orElse("0:0");
        StringBuilder dirs = new StringBuilder(container.stateDir() + " " + BuildContainer.OWNER_HOME);
        request.secretFiles().keySet().forEach(path -> dirs.append(' ').append(ShellQuote.quote(parent(path))));
        try {
            exec(container, "umask 077 && mkdir -p " + dirs + " && chown " + owner + " " + dirs, new byte[0]);
            for (Map.Entry<String, byte[]> f : request.secretFiles().entrySet()) {
                String path = ShellQuote.quote(f.getKey());
                exec(container, "umask 077 && cat >" + path + " && chown " + owner + " " + path, f.getValue());
            }
            return Optional.empty();
        } catch (DockerException e) {
            return Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR,
                    "Cannot copy secret files into the container: " + e.getMessage()));
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static void exec(Sandbox container, String script, byte[] stdin)
            throws DockerException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = container.pipe(List.of("sh", "-c", script), new ByteArrayInputStream(stdin), out,
                DockerCli.CONTROL_TIMEOUT);
        if (status != 0) {
            throw new DockerException("exit " + status + ": " + out.toString(StandardCharsets.UTF_8).trim());
        }
    }
}
