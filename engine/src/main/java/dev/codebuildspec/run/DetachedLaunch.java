package dev.codebuildspec.run;

import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import java.util.Optional;

/** {@code docker run -d} of a container that idles until {@code docker rm -f}. */
final class DetachedLaunch implements ContainerLaunch {
    @Override
    public Optional<String> startIfPresent(DockerCli docker, ContainerSpec spec)
            throws DockerException, InterruptedException {
        return docker.runIfPresent(spec);
    }

    @Override
    public String start(DockerCli docker, ContainerSpec spec) throws DockerException, InterruptedException {
        return docker.run(spec);
    }

    @Override
    public void remove(DockerCli docker, String id) throws DockerException, InterruptedException {
        docker.remove(id);
    }
}
