package dev.codebuildspec.cli.host;

import dev.codebuildspec.artifacts.ArtifactCopier;
import dev.codebuildspec.artifacts.CopyResult;
import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.ReportGroup;
import dev.codebuildspec.run.ArtifactStep;
import dev.codebuildspec.run.ArtifactsOutcome;
import dev.codebuildspec.run.BuildOutputs;
import dev.codebuildspec.run.ReportStep;
import dev.codebuildspec.run.ReportsOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The CLI's outputs: the source tree is here; artifacts and reports are copied to directories when asked. */
public final class LocalOutputs implements BuildOutputs {
    private final Path sourceDir;
    private final Optional<Path> artifactsDir;
    private final Optional<Path> reportsDir;

    public LocalOutputs(Path sourceDir, Optional<Path> artifactsDir, Optional<Path> reportsDir) {
        this.sourceDir = sourceDir;
        this.artifactsDir = artifactsDir;
        this.reportsDir = reportsDir;
    }

    @Override
    public ArtifactsOutcome artifacts(ArtifactsSpec spec, Map<String, String> evaluated) {
        ArtifactsOutcome planned = ArtifactStep.plan(sourceDir, spec, evaluated);
        if (planned.failure().isPresent() || artifactsDir.isEmpty()) {
            return planned;
        }
        try {
            CopyResult copied = ArtifactCopier.copy(planned.plan().orElseThrow(), sourceDir, artifactsDir.get());
            return planned.withLine("Copied " + copied.entries() + " file(s), " + copied.bytes() + " bytes, to "
                    + artifactsDir.get());
        } catch (IOException e) {
            return planned.failed("cannot copy the artifacts to " + artifactsDir.get() + ": " + e.getMessage());
        }
    }

    @Override
    public ReportsOutcome reports(Map<String, ReportGroup> groups) {
        return ReportStep.collect(sourceDir, groups, reportsDir);
    }
}
