package dev.codebuildspec.run;

import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.artifacts.ArtifactPlanner;
import dev.codebuildspec.artifacts.ArtifactSet;
import dev.codebuildspec.artifacts.EvaluatedArtifacts;
import dev.codebuildspec.artifacts.SelectedFile;
import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.PathPattern;
import dev.codebuildspec.record.ArtifactRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * UPLOAD_ARTIFACTS' planning, run where the source tree is (the CLI's machine, a Jenkins agent): the
 * artifact sets from CODEBUILD_SRC_DIR (never from the last {@code cd}), with CodeBuild's log lines
 * for what was found and refused. The plan is the shape Jenkins' ArtifactManager takes.
 */
public final class ArtifactStep {
    private ArtifactStep() {
    }

    public static ArtifactsOutcome plan(Path sourceDir, ArtifactsSpec spec, java.util.Map<String, String> evaluated) {
        List<String> log = new ArrayList<>();
        ArtifactPlan plan;
        try {
            plan = ArtifactPlanner.plan(sourceDir, spec, EvaluatedArtifacts.from(spec, evaluated));
        } catch (IOException e) {
            return new ArtifactsOutcome(log, List.of(), Optional.of("cannot read the source tree: " + e.getMessage()),
                    Optional.empty());
        }
        for (ArtifactSet set : plan.sets()) {
            log(set, spec, log);
        }
        if (plan.failure().isPresent()) {
            return new ArtifactsOutcome(log, List.of(), plan.failure(), Optional.empty());
        }
        return new ArtifactsOutcome(log, records(plan), Optional.empty(), Optional.of(plan));
    }

    private static void log(ArtifactSet set, ArtifactsSpec spec, List<String> log) {
        ArtifactsSpec declared = set.isPrimary() ? spec : spec.secondaryArtifacts().get(set.identifier());
        log.add("Expanding base directory path: " + declared.baseDirectory().orElse("."));
        log.add("Assembling file list");
        for (PathPattern p : declared.files()) {
            log.add("Expanding " + p.pattern());
        }
        log.addAll(set.selection().logLines());
        // A file that collides with another is found too; the collision itself fails the phase next.
        int found = set.entries().size() + set.selection().collisions().size();
        log.add("Found " + found + " file(s)" + (set.isPrimary() ? "" : " for " + set.describe()));
    }

    private static List<ArtifactRecord> records(ArtifactPlan plan) {
        List<ArtifactRecord> records = new ArrayList<>();
        for (ArtifactSet set : plan.sets()) {
            records.add(new ArtifactRecord(set.identifier(), set.prefix(),
                    set.entries().stream().map(SelectedFile::archivePath).toList()));
        }
        return records;
    }
}
