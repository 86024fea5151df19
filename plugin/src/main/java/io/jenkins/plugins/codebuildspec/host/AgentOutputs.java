package io.jenkins.plugins.codebuildspec.host;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.ReportGroup;
import dev.codebuildspec.record.ArtifactRecord;
import dev.codebuildspec.reports.ReportGroupSummary;
import dev.codebuildspec.run.ArtifactStep;
import dev.codebuildspec.run.ArtifactsOutcome;
import dev.codebuildspec.run.BuildOutputs;
import dev.codebuildspec.run.ReportStep;
import dev.codebuildspec.run.ReportsOutcome;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.codebuildspec.actions.ReportSummary;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;
import jenkins.util.BuildListenerAdapter;

/**
 * A Jenkins build's outputs: the engine's {@link ArtifactStep} and {@link ReportStep} run on the agent,
 * next to the workspace, on the model the controller parsed (it travels, the text does not); the
 * artifacts are archived through the run's artifact manager and JUnit groups published as test results.
 */
final class AgentOutputs implements BuildOutputs {
    private final AgentContext context;
    private final ReportPublisher publisher;
    private final String archivePrefix;
    private final List<ReportSummary> published = new ArrayList<>();

    /** @param archivePrefix what every archived path starts with: {@code <identifier>/} for a batch child, else "" */
    AgentOutputs(AgentContext context, String flowNodeId, String archivePrefix) {
        this.context = context;
        this.publisher = new ReportPublisher(flowNodeId);
        this.archivePrefix = archivePrefix;
    }

    @Override
    public ArtifactsOutcome artifacts(ArtifactsSpec spec, Map<String, String> evaluated)
            throws IOException, InterruptedException {
        Planned planned = context.workspace().act(new PlanArtifacts(spec, new LinkedHashMap<>(evaluated)));
        List<String> log = new ArrayList<>(planned.log);
        if (planned.failure != null) {
            return new ArtifactsOutcome(log, List.of(), Optional.of(planned.failure), Optional.empty());
        }
        if (!planned.archive.isEmpty()) {
            Map<String, String> archive = new LinkedHashMap<>();
            planned.archive.forEach((to, from) -> archive.put(archivePrefix + to, from));
            context.run().pickArtifactManager().archive(context.workspace(), context.launcher(),
                    BuildListenerAdapter.wrap(context.listener()), archive);
            log.add("Uploaded " + planned.archive.size() + " artifact file(s) to the Jenkins artifact manager");
        }
        return new ArtifactsOutcome(log, planned.records, Optional.empty(), Optional.empty());
    }

    @Override
    public ReportsOutcome reports(Map<String, ReportGroup> groups) throws IOException, InterruptedException {
        Collected collected = context.workspace().act(new CollectReports(new LinkedHashMap<>(groups)));
        List<String> log = new ArrayList<>(collected.log);
        published.addAll(publisher.publish(context, collected.junitFiles, log::add));
        return new ReportsOutcome(log, collected.summaries, collected.files);
    }

    /** The JUnit groups as Jenkins test results summarized them, for the result page. */
    List<ReportSummary> published() {
        return List.copyOf(published);
    }

    /** What planning found on the agent. A plain class: it crosses the remoting channel. */
    static final class Planned implements Serializable {
        private static final long serialVersionUID = 1L;
        final ArrayList<String> log;
        final LinkedHashMap<String, String> archive;
        final ArrayList<ArtifactRecord> records;
        final String failure;

        Planned(ArrayList<String> log, LinkedHashMap<String, String> archive, ArrayList<ArtifactRecord> records,
                String failure) {
            this.log = log;
            this.archive = archive;
            this.records = records;
            this.failure = failure;
        }
    }

    static final class Collected implements Serializable {
        private static final long serialVersionUID = 1L;
        final ArrayList<String> log;
        final LinkedHashMap<String, List<String>> files;
        final LinkedHashMap<String, List<String>> junitFiles;
        final ArrayList<ReportGroupSummary> summaries;

        Collected(ArrayList<String> log, LinkedHashMap<String, List<String>> files,
                LinkedHashMap<String, List<String>> junitFiles, ArrayList<ReportGroupSummary> summaries) {
            this.log = log;
            this.files = files;
            this.junitFiles = junitFiles;
            this.summaries = summaries;
        }
    }

    private static final class PlanArtifacts extends MasterToSlaveFileCallable<Planned> {
        private static final long serialVersionUID = 1L;
        private final ArtifactsSpec spec;
        private final LinkedHashMap<String, String> evaluated;

        PlanArtifacts(ArtifactsSpec spec, LinkedHashMap<String, String> evaluated) {
            this.spec = spec;
            this.evaluated = evaluated;
        }

        @Override
        public Planned invoke(File workspace, VirtualChannel channel) {
            ArtifactsOutcome o = ArtifactStep.plan(workspace.toPath(), spec, evaluated);
            LinkedHashMap<String, String> archive = new LinkedHashMap<>();
            o.plan().ifPresent(p -> archive.putAll(p.archiveMap()));
            return new Planned(new ArrayList<>(o.log()), archive, new ArrayList<>(o.records()), o.failure().orElse(null));
        }
    }

    private static final class CollectReports extends MasterToSlaveFileCallable<Collected> {
        private static final long serialVersionUID = 1L;
        private final LinkedHashMap<String, ReportGroup> groups;

        CollectReports(LinkedHashMap<String, ReportGroup> groups) {
            this.groups = groups;
        }

        @Override
        public Collected invoke(File workspace, VirtualChannel channel) {
            ReportsOutcome o = ReportStep.collect(workspace.toPath(), groups, Optional.empty());
            LinkedHashMap<String, List<String>> junit = new LinkedHashMap<>();
            for (ReportGroup g : groups.values()) {
                if (g.fileFormat().name().equals("JUNITXML")) {
                    junit.put(g.name(), new ArrayList<>(o.files().getOrDefault(g.name(), List.of())));
                }
            }
            LinkedHashMap<String, List<String>> files = new LinkedHashMap<>();
            o.files().forEach((k, v) -> files.put(k, new ArrayList<>(v)));
            return new Collected(new ArrayList<>(o.log()), files, junit, new ArrayList<>(o.summaries()));
        }
    }
}
