package dev.codebuildspec.cli;

import dev.codebuildspec.cli.host.BatchSources;
import dev.codebuildspec.cli.host.CliOwner;
import dev.codebuildspec.docker.ContainerReaper;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.LocalProcessLauncher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "gc", mixinStandardHelpOptions = true,
        description = "Removes build containers left behind by codebuild-spec processes that no longer run.")
final class GcCommand implements Callable<Integer> {
    @Option(names = "--all", description = "Remove every codebuild-spec container, even those of running builds.")
    boolean all;

    @Option(names = "--docker", paramLabel = "PATH", defaultValue = "docker", description = "The docker CLI to use.")
    String docker;

    @Override
    public Integer call() throws InterruptedException {
        String host = Hosts.name();
        try {
            List<String> removed = new ContainerReaper(new DockerCli(new LocalProcessLauncher(), docker))
                    .reap(owner -> all || CliOwner.isGone(owner, host));
            System.out.println("Removed " + removed.size() + " container(s)");
            removed.forEach(id -> System.out.println("  " + id));
            List<Path> sources = BatchSources.reap(Path.of(System.getProperty("java.io.tmpdir")), host);
            if (!sources.isEmpty()) {
                System.out.println("Removed the source copies of " + sources.size() + " killed batch build(s)");
            }
            return ExitStatus.SUCCEEDED;
        } catch (DockerException | IOException e) {
            System.err.println("codebuild-spec: " + e.getMessage());
            return ExitStatus.FAULT;
        }
    }
}
