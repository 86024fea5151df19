package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.RunningProcess;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The attached driver: one {@code docker exec} whose output streams back as it is written. The driver
 * arrives on stdin into the container's tmpfs, then runs with stdin at EOF; the argument holds no secret
 * and no {@code $}. It ends with the process that started it, so it cannot be found again.
 */
public final class ExecDriverHost implements DriverHost {
    /** Lets the output pumps deliver what was already written once the client is killed. */
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final DockerCli docker;

    public ExecDriverHost(DockerCli docker) {
        this.docker = docker;
    }

    @Override
    public DriverTask start(DriverStart start, OutputStream out) throws DockerException {
        String driver = BuildContainer.STATE + "/driver.sh";
        String shell = start.shell();
        String bootstrap = "umask 077 && mkdir -p " + BuildContainer.STATE + " && cat >" + driver
                + " && umask 022 && if command -v " + shell + " >/dev/null 2>&1; then exec " + shell + " " + driver
                + " </dev/null; else echo 'codebuild-spec: the image has no " + shell
                + " (env/shell)'; exit 127; fi";
        RunningProcess p = docker.exec(start.containerId(), start.user().orElse("0"), start.secrets(),
                List.of("sh", "-c", bootstrap), new ByteArrayInputStream(start.script().getBytes(StandardCharsets.UTF_8)),
                out);
        return new Attached(p);
    }

    @Override
    public Optional<DriverTask> reattach(Serializable saved, OutputStream out) {
        return Optional.empty();
    }

    private static final class Attached implements DriverTask {
        private final RunningProcess process;

        Attached(RunningProcess process) {
            this.process = process;
        }

        @Override
        public DriverPoll poll() throws InterruptedException {
            return new DriverPoll(false, process.waitFor(Duration.ZERO));
        }

        @Override
        public void await(Duration max) throws InterruptedException {
            process.waitFor(max);
        }

        @Override
        public void kill() throws InterruptedException {
            process.kill();
            process.waitFor(SETTLE);
        }

        @Override
        public Serializable saved() {
            return null;
        }
    }
}
