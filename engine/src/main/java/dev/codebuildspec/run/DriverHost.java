package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Optional;

/**
 * How a host starts the driver script in the build container and finds it again: attached, as the
 * container's first process whose output streams back (the CLI's {@code FirstProcessDriverHost}), or detached, as a
 * task that writes a log the host polls (a Jenkins durable task). Everything else about a build is
 * the {@link BuildMachine}'s.
 */
public interface DriverHost {
    /** Starts the driver; its output (driver events and command output, raw) goes to {@code out}. */
    DriverTask start(DriverStart start, OutputStream out) throws IOException, DockerException, InterruptedException;

    /**
     * Finds a driver started by an earlier host object again from what its task {@linkplain DriverTask#saved()
     * saved}; empty when it cannot be found (an attached driver ends with the process that started it).
     */
    Optional<DriverTask> reattach(Serializable saved, OutputStream out) throws IOException, InterruptedException;
}
