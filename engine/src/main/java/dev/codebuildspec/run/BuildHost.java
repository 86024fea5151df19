package dev.codebuildspec.run;

import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.ProcessLauncher;
import dev.codebuildspec.record.PhaseContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What differs between the machines a build can run on: how Docker is reached, how the driver is
 * started and polled, where artifacts and reports go. The CLI and the Jenkins plugin each give one;
 * the {@link BuildMachine} does the rest, the same way for both.
 */
public interface BuildHost {
    /** Docker on the machine that holds the source tree. */
    DockerCli docker();

    /** How processes start on that machine: for a build without a container, its phases run there. */
    ProcessLauncher processes();

    DriverHost driver();

    BuildOutputs outputs();

    /** Whether the build that owns a container (its owner label) no longer runs: the reaper removes those. */
    Predicate<String> ownerGone();

    /** Pulls an image that is not here (a host may log in to a registry first). */
    default void pull(String image) throws DockerException, InterruptedException {
        docker().pull(image);
    }

    /** Lines the host adds to DOWNLOAD_SOURCE's log (how it resolved secrets, say). */
    default List<String> notes() {
        return List.of();
    }

    /**
     * Why the host cannot run this build at all (a credential it cannot resolve, say): DOWNLOAD_SOURCE fails
     * with it, before any container. Empty: no objection.
     */
    default Optional<PhaseContext> refusal() {
        return Optional.empty();
    }

    /** Where the local cache (request.cacheDir) is kept and used: by default on this machine. */
    default CacheKeeper caches() {
        return CacheKeeper.HERE;
    }

    /** How the build's container is started and removed; the driver host must suit it. */
    default ContainerLaunch containerLaunch() {
        return ContainerLaunch.DETACHED;
    }

    /** Mounts the host needs besides the source tree (a durable task's control directory). */
    default List<ContainerSpec.Mount> extraMounts() {
        return List.of();
    }

    /**
     * Whether the machine that holds the container answers. When it does not (a Jenkins agent that stayed away),
     * FINALIZING does not wait for it: the container is left to the host's reaper, which removes it once the
     * machine is back.
     */
    default boolean reachable() {
        return true;
    }

    /** How often to poll a running driver: from {@code fastest}, slowing to {@code slowest} while it is quiet. */
    default PollPacing pacing() {
        return PollPacing.CONSTANT;
    }
}
