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

/** {@code codebuild-spec gc}: removes what killed builds left behind. */
final class GcCommand implements Subcommand {
    boolean all;
    String docker = "docker";

    @Override
    public CommandSyntax syntax() {
        return new CommandSyntax("codebuild-spec gc",
                "Removes build containers left behind by codebuild-spec processes that no longer run.", List.of(
                CommandOption.flag("--all", "Remove every codebuild-spec container, even those of running builds.",
                        () -> all = true),
                CommandOption.value("--docker", "PATH", "The docker CLI to use (default: docker).", v -> docker = v)));
    }

    @Override
    public int call() throws InterruptedException {
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
