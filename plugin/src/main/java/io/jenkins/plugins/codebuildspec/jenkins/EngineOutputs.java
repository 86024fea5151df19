package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.artifacts.ArtifactPlanner;
import dev.codebuildspec.artifacts.ArtifactSet;
import dev.codebuildspec.artifacts.EvaluatedArtifacts;
import dev.codebuildspec.artifacts.SelectedFile;
import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.reports.ReportCollector;
import dev.codebuildspec.reports.ReportSummaryLine;
import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.ReportGroup;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jenkins.MasterToSlaveFileCallable;

/**
 * The engine's artifact planning and report collection, run on the agent next to the workspace:
 * the same rules as the CLI (globs, base directories, names, secondary artifacts, symlink safety).
 * The buildspec travels as its text, which the agent parses again: the model is not serializable.
 */
final class EngineOutputs implements BuildOutputs {
    private final String buildspecText;
    private final String sourceName;

    EngineOutputs(String buildspecText, String sourceName) {
        this.buildspecText = buildspecText;
        this.sourceName = sourceName;
    }

    @Override
    public Map<String, String> artifacts(Map<String, String> evaluated, FilePath workspace, Consumer<String> log)
            throws IOException, InterruptedException {
        PlannedArtifacts planned = workspace.act(new PlanArtifacts(buildspecText, sourceName, new LinkedHashMap<>(evaluated)));
        planned.log().forEach(log);
        if (planned.failure() != null) {
            throw new IOException(planned.failure());
        }
        return planned.archive();
    }

    @Override
    public List<CollectedReport> reports(FilePath workspace, Consumer<String> log) throws IOException, InterruptedException {
        CollectedReports collected = workspace.act(new CollectReports(buildspecText, sourceName));
        collected.log().forEach(log);
        return collected.reports();
    }

    static Buildspec parse(String text, String name) throws IOException {
        ParseResult r = new BuildspecParser().parse(text, name);
        if (r.buildspec().isEmpty()) {
            throw new IOException("the buildspec no longer parses: " + r.errors());
        }
        return r.buildspec().get();
    }

    /** The outcome of planning: archive map, log lines, and a failure message or null. */
    record PlannedArtifacts(LinkedHashMap<String, String> archive, ArrayList<String> log, String failure)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    record CollectedReports(ArrayList<CollectedReport> reports, ArrayList<String> log) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private static final class PlanArtifacts extends MasterToSlaveFileCallable<PlannedArtifacts> {
        private static final long serialVersionUID = 1L;
        private final String text;
        private final String name;
        private final LinkedHashMap<String, String> evaluated;

        PlanArtifacts(String text, String name, LinkedHashMap<String, String> evaluated) {
            this.text = text;
            this.name = name;
            this.evaluated = evaluated;
        }

        @Override
        public PlannedArtifacts invoke(File workspace, VirtualChannel channel) throws IOException {
            Buildspec spec = parse(text, name);
            ArrayList<String> log = new ArrayList<>();
            if (spec.artifacts().isEmpty()) {
                return new PlannedArtifacts(new LinkedHashMap<>(), log, null);
            }
            ArtifactPlan plan = ArtifactPlanner.plan(workspace.toPath(), spec.artifacts().get(),
                    EvaluatedArtifacts.from(spec.artifacts().get(), evaluated));
            for (ArtifactSet set : plan.sets()) {
                log.addAll(set.selection().logLines());
                log.add("Found " + set.entries().size() + " file(s) for " + set.describe());
            }
            return new PlannedArtifacts(new LinkedHashMap<>(plan.archiveMap()), log, plan.failure().orElse(null));
        }
    }

    private static final class CollectReports extends MasterToSlaveFileCallable<CollectedReports> {
        private static final long serialVersionUID = 1L;
        private final String text;
        private final String name;

        CollectReports(String text, String name) {
            this.text = text;
            this.name = name;
        }

        @Override
        public CollectedReports invoke(File workspace, VirtualChannel channel) throws IOException {
            Buildspec spec = parse(text, name);
            ArrayList<CollectedReport> reports = new ArrayList<>();
            ArrayList<String> log = new ArrayList<>();
            ReportCollector collector = new ReportCollector();
            for (ReportGroup group : spec.reports().values()) {
                ReportCollector.Collected c = collector.collect(workspace.toPath(), group, Optional.empty(), log::add);
                ArrayList<String> files = new ArrayList<>();
                for (SelectedFile f : c.files()) {
                    files.add(f.sourcePath());
                }
                reports.add(new CollectedReport(group.name(), group.fileFormat().name(),
                        ReportSummaryLine.of(c.summary()), files, new ArrayList<>(c.summary().warnings())));
            }
            return new CollectedReports(reports, log);
        }
    }
}
