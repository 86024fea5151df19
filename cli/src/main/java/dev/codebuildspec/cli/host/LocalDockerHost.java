package dev.codebuildspec.cli.host;

import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.LocalProcessLauncher;
import dev.codebuildspec.docker.ProcessLauncher;
import dev.codebuildspec.run.BuildHost;
import dev.codebuildspec.run.BuildOutputs;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.ContainerLaunch;
import dev.codebuildspec.run.DriverHost;
import java.util.function.Predicate;

/** The CLI's host: Docker on this machine, the driver as the container's first process, outputs copied locally. */
public final class LocalDockerHost implements BuildHost {
    private final DockerCli docker;
    private final Predicate<String> ownerGone;
    private final BuildOutputs outputs;
    private final BuildRequest request;
    private final FirstProcessLaunch launch;

    public LocalDockerHost(DockerCli docker, Predicate<String> ownerGone, BuildRequest request) {
        this.docker = docker;
        this.ownerGone = ownerGone;
        this.request = request;
        this.launch = new FirstProcessLaunch(request.driverUser());
        this.outputs = new LocalOutputs(request.sourceDir(), request.artifactsDir(), request.reportsDir());
    }

    @Override
    public DockerCli docker() {
        return docker;
    }

    @Override
    public ProcessLauncher processes() {
        return new LocalProcessLauncher();
    }

    @Override
    public DriverHost driver() {
        return request.noContainer() ? new LocalDriverHost(processes()) : new FirstProcessDriverHost(launch);
    }

    @Override
    public ContainerLaunch containerLaunch() {
        return launch;
    }

    @Override
    public BuildOutputs outputs() {
        return outputs;
    }

    @Override
    public Predicate<String> ownerGone() {
        return ownerGone;
    }
}
