package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * Where a build's phases run: its container ({@link BuildContainer}), or this machine itself when there is
 * no container to start ({@link LocalSandbox}: a Kubernetes pod, a CI job that already runs in one).
 */
public interface Sandbox {
    /** Its id once it exists (a container id, the state directory); null before. */
    String id();

    /** Takes over a sandbox made by an earlier host object (a resumed build). */
    void adopt(String existing);

    /** The driver's private state: in memory (a tmpfs), as it holds the shell's state, secrets included. */
    String stateDir();

    /**
     * Runs a command in the sandbox with {@code in} as its stdin and its stdout and stderr to {@code out}; returns its
     * status.
     */
    default int pipe(List<String> command, InputStream in, OutputStream out, Duration timeout)
            throws DockerException, InterruptedException {
        return pipe(command, in, out, out, timeout);
    }

    /** As {@link #pipe(List, InputStream, OutputStream, Duration)}, with stderr apart (an archive on stdout, say). */
    int pipe(List<String> command, InputStream in, OutputStream out, OutputStream err, Duration timeout)
            throws DockerException, InterruptedException;

    /** Ends everything still running in it (a timeout, a stop). */
    void kill() throws DockerException, InterruptedException;

    /** Gives the files the build made in the source tree back to the user who ran it. */
    void handBack(int uid, int gid) throws DockerException, InterruptedException;

    /** Removes it and what it holds, the state first. */
    void remove() throws DockerException, InterruptedException;
}
