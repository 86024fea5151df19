package dev.codebuildspec.run;

import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import java.util.Optional;

/**
 * How a host starts and removes the build's container. Detached ({@link #DETACHED}): a container that idles until it
 * is removed, the driver exec'd into it; what a durable Jenkins build needs, as its container outlives the controller's
 * process. The CLI's container runs the driver as its first process instead, and ends by itself.
 */
public interface ContainerLaunch {
    ContainerLaunch DETACHED = new DetachedLaunch();

    /** Starts the container when its image is here and returns its id; empty (nothing started) when it must be pulled. */
    Optional<String> startIfPresent(DockerCli docker, ContainerSpec spec) throws DockerException, InterruptedException;

    /** Starts the container (its image is here) and returns its id. */
    String start(DockerCli docker, ContainerSpec spec) throws DockerException, InterruptedException;

    /** The host handed the source tree back (so the container need not, should the host die now). */
    default void handedBack() {
    }

    /** Removes the container and its anonymous volumes; one already gone is fine. */
    void remove(DockerCli docker, String id) throws DockerException, InterruptedException;
}
