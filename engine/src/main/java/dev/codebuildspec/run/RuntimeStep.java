package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.runtime.RuntimeSelector;
import dev.codebuildspec.runtime.RuntimesFile;
import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.Phase;
import dev.codebuildspec.buildspec.PhaseName;
import dev.codebuildspec.buildspec.Position;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DOWNLOAD_SOURCE's selection of {@code runtime-versions}, once the image is there: from the runtimes file
 * the request brings, else the one the image ships. The selected versions' commands run first in INSTALL.
 */
final class RuntimeStep {
    /** What the selection leaves: the plan to run, or why DOWNLOAD_SOURCE fails. */
    record Outcome(BuildPlan plan, Optional<PhaseContext> failure, List<String> added) {
        Outcome(BuildPlan plan, Optional<PhaseContext> failure) {
            this(plan, failure, List.of());
        }
    }

    private RuntimeStep() {
    }

    static Outcome run(BuildRequest request, BuildPlan plan, Sandbox container, LogSink log)
            throws InterruptedException {
        Optional<Phase> install = plan.spec().phase(PhaseName.INSTALL);
        Map<String, String> requested = install.map(Phase::runtimeVersions).orElse(Map.of());
        if (requested.isEmpty()) {
            return new Outcome(plan, Optional.empty());
        }
        Optional<RuntimesFile> file;
        try {
            file = request.runtimesFile().isPresent() ? request.runtimesFile() : fromImage(container);
        } catch (RuntimesFile.Invalid e) {
            return failed(plan, e.getMessage());
        } catch (DockerException e) {
            return new Outcome(plan, Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage())));
        }
        if (file.isEmpty()) {
            log.agent("Skipping install of runtimes. Runtime version selection is not supported by this build image");
            return new Outcome(plan, Optional.empty());
        }
        List<RuntimeSelector.Selected> selected;
        try {
            selected = new RuntimeSelector(file.get()).select(requested,
                    name -> Optional.ofNullable(plan.environment().plain().get(name)));
        } catch (RuntimeSelector.Refused e) {
            return failed(plan, e.getMessage());
        }
        Position where = install.map(Phase::position).orElse(Position.UNKNOWN);
        List<Command> commands = new ArrayList<>();
        for (RuntimeSelector.Selected s : selected) {
            log.agent("", s.logLine());
            s.commands().forEach(c -> commands.add(new Command(c, where)));
        }
        return new Outcome(plan.withInstallCommandsFirst(request, commands), Optional.empty(),
                commands.stream().map(Command::text).toList());
    }

    private static Outcome failed(BuildPlan plan, String message) {
        return new Outcome(plan, Optional.of(new PhaseContext(PhaseContext.YAML_FILE_ERROR, message)));
    }

    /** The image's runtimes file; empty when the image has none (runtime selection is not supported). */
    private static Optional<RuntimesFile> fromImage(Sandbox container)
            throws InterruptedException, DockerException, RuntimesFile.Invalid {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = container.pipe(List.of("cat", RuntimesFile.IMAGE_PATH), InputStream.nullInputStream(), out,
                DockerCli.CONTROL_TIMEOUT);
        if (status != 0) {
            return Optional.empty();
        }
        return Optional.of(RuntimesFile.parse(out.toString(StandardCharsets.UTF_8), RuntimesFile.IMAGE_PATH));
    }
}
