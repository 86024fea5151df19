package dev.codebuildspec.cli.host;

import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.run.DriverHost;
import dev.codebuildspec.run.DriverStart;
import dev.codebuildspec.run.DriverTask;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Optional;

/** Starts the driver in the container its {@link FirstProcessLaunch} started: it is that container's first process. */
final class FirstProcessDriverHost implements DriverHost {
    private final FirstProcessLaunch launch;

    FirstProcessDriverHost(FirstProcessLaunch launch) {
        this.launch = launch;
    }

    @Override
    public DriverTask start(DriverStart start, OutputStream out) throws DockerException {
        return launch.startDriver(start, out);
    }

    @Override
    public Optional<DriverTask> reattach(Serializable saved, OutputStream out) {
        return Optional.empty(); // it ends with the process that started it
    }
}
