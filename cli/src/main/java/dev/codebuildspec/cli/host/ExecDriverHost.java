package dev.codebuildspec.cli.host;

import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.RunningProcess;
import dev.codebuildspec.run.DriverHost;
import dev.codebuildspec.run.DriverStart;
import dev.codebuildspec.run.DriverTask;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The attached driver: one {@code docker exec} whose output streams back as it is written. The driver
 * arrives on stdin into the container's tmpfs, then runs with stdin at EOF; the argument holds no secret
 * and no {@code $}. It ends with the process that started it, so it cannot be found again.
 */
public final class ExecDriverHost implements DriverHost {
    private final DockerCli docker;

    public ExecDriverHost(DockerCli docker) {
        this.docker = docker;
    }

    @Override
    public DriverTask start(DriverStart start, OutputStream out) throws DockerException {
        RunningProcess p = docker.exec(start.containerId(), start.user().orElse("0"), start.secrets(),
                List.of("sh", "-c", bootstrap(start.stateDir(), start.shell())),
                new ByteArrayInputStream(start.script().getBytes(StandardCharsets.UTF_8)), out);
        return new AttachedTask(p);
    }

    /**
     * The one command an attached driver starts with: it puts the script from stdin into the private state
     * directory, then runs it with stdin at EOF. It holds no secret and no {@code $}.
     */
    static String bootstrap(String stateDir, String shell) {
        String driver = stateDir + "/driver.sh";
        return "umask 077 && mkdir -p " + stateDir + " && cat >" + driver + " && umask 022 && if command -v " + shell
                + " >/dev/null 2>&1; then exec " + shell + " " + driver + " </dev/null; else echo 'codebuild-spec: "
                + "the image has no " + shell + " (env/shell)'; exit 127; fi";
    }

    @Override
    public Optional<DriverTask> reattach(Serializable saved, OutputStream out) {
        return Optional.empty();
    }
}
