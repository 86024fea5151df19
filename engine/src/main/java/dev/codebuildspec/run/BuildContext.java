package dev.codebuildspec.run;

import dev.codebuildspec.artifacts.ArtifactPlan;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.record.ArtifactRecord;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.reports.ReportGroupSummary;
import dev.codebuildspec.run.BuildState.Stage;
import java.util.List;
import java.util.Optional;

/**
 * What the steps of one build share ({@link DownloadSource}, {@link DriverWatch}, {@link CacheUse},
 * {@link Outputs}): the request and its host, the plan (which DOWNLOAD_SOURCE may change), the saved state,
 * the log and the phase records, the container, and whether a stop was asked for. The {@link BuildMachine}
 * makes one and hands it to each step; no step calls the machine.
 */
final class BuildContext {
    final BuildRequest request;
    final BuildHost host;
    final BuildState state;
    final LogSink log;
    final BuildProgress progress;
    final Sandbox container;
    private BuildPlan plan;
    private Optional<ArtifactPlan> artifacts = Optional.empty();
    private List<ArtifactRecord> artifactRecords = List.of();
    private List<ReportGroupSummary> reports = List.of();
    private volatile boolean stopRequested;

    BuildContext(BuildRequest request, BuildHost host, BuildState state, BuildPlan plan, LogSink log,
            BuildProgress progress, Sandbox container) {
        this.request = request;
        this.host = host;
        this.state = state;
        this.plan = plan;
        this.log = log;
        this.progress = progress;
        this.container = container;
        this.stopRequested = state.stopRequested;
    }

    static PhaseContext stopped() {
        return new PhaseContext(PhaseContext.BUILD_STOPPED, "Build stopped");
    }

    synchronized BuildPlan plan() {
        return plan;
    }

    /** The plan with the runtime versions' commands first in INSTALL; kept to number commands alike after a resume. */
    synchronized void plan(BuildPlan changed, List<String> runtimeCommands) {
        plan = changed;
        progress.commands(changed.commands());
        state.runtimeCommands.clear();
        state.runtimeCommands.addAll(runtimeCommands);
        state.changed();
    }

    /** Moves the build to {@code stage}; a host saves the state when it sees {@link BuildState#changes()} move. */
    void moveTo(Stage stage) {
        state.stage = stage;
        state.changed();
    }

    void containerStarted() {
        state.containerId = container.id();
        state.changed();
    }

    void markFault() {
        state.fault = true;
    }

    /** Whether a stop was asked for, read without the machine's lock (a Docker call in progress holds it). */
    boolean stopRequestedNow() {
        return stopRequested;
    }

    /** Asks for a stop; true the first time. */
    synchronized boolean requestStop() {
        stopRequested = true;
        if (state.stopRequested) {
            return false;
        }
        state.stopRequested = true;
        state.changed();
        return true;
    }

    Optional<ArtifactPlan> artifacts() {
        return artifacts;
    }

    /** What UPLOAD_ARTIFACTS collected: the plan (archive path to source path) and the record's entries. */
    void artifacts(Optional<ArtifactPlan> planned, List<ArtifactRecord> records) {
        artifacts = planned;
        artifactRecords = List.copyOf(records);
    }

    List<ArtifactRecord> artifactRecords() {
        return artifactRecords;
    }

    void reports(List<ReportGroupSummary> collected) {
        reports = List.copyOf(collected);
    }

    List<ReportGroupSummary> reports() {
        return reports;
    }
}
