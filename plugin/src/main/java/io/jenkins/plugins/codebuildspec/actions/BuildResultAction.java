package io.jenkins.plugins.codebuildspec.actions;

import io.jenkins.plugins.codebuildspec.Messages;

import hudson.EnvVars;
import hudson.model.Api;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import dev.codebuildspec.batch.BatchResult;
import dev.codebuildspec.batch.ChildOutcome;
import dev.codebuildspec.record.PhaseRecord;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.record.StepRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The result of one buildspec build in a Jenkins build: a page with CodeBuild's phase table and
 * the report summaries, and the exported variables as environment variables for later build steps.
 * Stored in build.xml; holds no secret (exported values were masked, context messages too).
 */
@ExportedBean
public final class BuildResultAction implements RunAction2, EnvironmentContributingAction {
    private final String buildspec;
    private final String buildId;
    private final String status;
    private final List<PhaseRow> phases;
    private final Map<String, String> exportedVariables;
    private final List<ReportSummary> reports;
    /** The children of a batch build, in plan order; empty for a single build. */
    private List<BatchChildRow> children = new ArrayList<>();
    private String reproduce;
    private String reproduceHint;
    private String inlineBuildspec;
    private String inlineBuildspecFileName;
    private String failure;
    /** Null in builds kept before these were recorded. */
    private ArrayList<StepRow> steps;
    private ArrayList<String> criticalPath;
    private transient Run<?, ?> run;

    public BuildResultAction(String buildspec, String buildId, Status status, List<PhaseRecord> phases,
            Map<String, String> exportedVariables, List<ReportSummary> reports) {
        this.buildspec = buildspec;
        this.buildId = buildId;
        this.status = status.name();
        List<PhaseRow> rows = new ArrayList<>();
        for (PhaseRecord p : phases) {
            rows.add(new PhaseRow(p));
        }
        this.phases = rows;
        this.exportedVariables = new LinkedHashMap<>(exportedVariables);
        this.reports = new ArrayList<>(reports);
    }

    /** The result of a batch build: its status, and each child with its own status, phases and exported variables. */
    public static BuildResultAction batch(String buildspec, String batchId, BatchResult result, List<ReportSummary> reports) {
        BuildResultAction a = new BuildResultAction(buildspec, batchId, result.status(), List.of(), Map.of(), reports);
        for (ChildOutcome child : result.children()) {
            a.children.add(new BatchChildRow(child));
        }
        a.criticalPath = new ArrayList<>(result.criticalPath());
        return a;
    }

    /** Builds stored before batch builds existed have no list: XStream leaves the field null. */
    private Object readResolve() {
        if (children == null) {
            children = new ArrayList<>();
        }
        return this;
    }

    /** The cache, report and upload work of a single build, with its times. */
    public void steps(List<StepRecord> done) {
        this.steps = StepRow.of(done);
    }

    /**
     * The {@code codebuild-spec run} line that reproduces this build, what to export first, and the inline
     * buildspec (the exact text that ran; null for a buildspec file) under the name the line gives it.
     */
    public void reproduce(String line, String hint, String inlineText, String inlineFileName) {
        this.reproduce = line;
        this.reproduceHint = hint;
        this.inlineBuildspec = inlineText;
        this.inlineBuildspecFileName = inlineFileName;
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return Messages.BuildResultAction_DisplayName(buildspec);
    }

    @Override
    public String getUrlName() {
        // One page per buildspec build; a build may run several (parallel branches too).
        return "codebuild-spec-" + buildId.substring(buildId.lastIndexOf(':') + 1);
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** {@code <build URL>/codebuild-spec-<id>/api/json}: the page's fields for scripts. */
    public Api getApi() {
        return new Api(this);
    }

    @Exported
    public String getBuildspec() {
        return buildspec;
    }

    @Exported(name = "id")
    public String getBuildId() {
        return buildId;
    }

    @Exported(name = "buildStatus")
    public String getStatus() {
        return status;
    }

    /** The build's status as the engine's type, for the step's and the builder's result. */
    public Status outcome() {
        return Status.valueOf(status);
    }

    @Exported(inline = true)
    public List<PhaseRow> getPhases() {
        return Collections.unmodifiableList(phases);
    }

    public Map<String, String> getExportedVariables() {
        return Collections.unmodifiableMap(exportedVariables);
    }

    @Exported(name = "exportedEnvironmentVariables", inline = true)
    public List<RecordFields.NameValue> getExportedVariableList() {
        return RecordFields.variables(exportedVariables);
    }

    /** A batch's status under CodeBuild's name for it; null for a single build. */
    @Exported(name = "buildBatchStatus")
    public String getBatchStatus() {
        return children.isEmpty() ? null : status;
    }

    /**
     * The end of a batch child's log as the build keeps it ({@code codebuild-spec/<batch>/<identifier>.log}, already
     * masked), for the page: the last 64 KiB from a line start; empty when there is none.
     */
    public String childLogTail(String identifier) {
        if (run == null || children.isEmpty() || !identifier.matches("[A-Za-z0-9_]+")) {
            return "";
        }
        return BatchChildRow.logTail(BatchChildRow.logFile(run.getRootDir(),
                buildId.substring(buildId.lastIndexOf(':') + 1), identifier));
    }

    /** A batch's children (CodeBuild's {@code builds}); empty for a single build. */
    @Exported(name = "builds", inline = true)
    public List<BatchChildRow> getChildren() {
        return Collections.unmodifiableList(children);
    }

    @Exported
    public String getReproduce() {
        return reproduce;
    }

    @Exported
    public String getReproduceHint() {
        return reproduceHint;
    }

    public String getInlineBuildspecFileName() {
        return inlineBuildspecFileName;
    }

    /** The inline buildspec as a {@code data:} URL, so the page offers it as a download without a request handler. */
    public String getInlineBuildspecDataUrl() {
        if (inlineBuildspec == null) {
            return null;
        }
        return "data:text/yaml;charset=utf-8," + URLEncoder.encode(inlineBuildspec, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Exported(name = "steps", inline = true)
    public List<StepRow> getSteps() {
        return steps == null ? List.of() : Collections.unmodifiableList(steps);
    }

    /** A batch's children that decided its duration, roots first; null for a single build. */
    @Exported
    public List<String> getCriticalPath() {
        return children.isEmpty() ? null : criticalPath == null ? List.of() : Collections.unmodifiableList(criticalPath);
    }

    /** The phase timeline, for the page's script. */
    public String getTimelineJson() {
        return ResultCharts.timeline(phases, getSteps());
    }

    /** The batch graph, for the page's script. */
    public String getBatchGraphJson() {
        return ResultCharts.batchGraph(children, getCriticalPath());
    }

    /** The failed step's one line: the phase that decided it and its context; null for a success. */
    public String getFailure() {
        return failure;
    }

    /** The report groups as the junit plugin published them. */
    @Exported(name = "reports", inline = true)
    public List<ReportSummary> getReports() {
        return Collections.unmodifiableList(reports);
    }

    @Override
    public void buildEnvironment(Run<?, ?> r, EnvVars env) {
        env.putAll(exportedVariables);
    }

    /** The Pipeline step's return value: plain maps and lists, serializable for CPS. */
    public Map<String, Object> toResultMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("buildId", buildId);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PhaseRow p : phases) {
            rows.add(p.toMap());
        }
        m.put("phases", rows);
        m.put("exportedVariables", new LinkedHashMap<>(exportedVariables));
        if (!children.isEmpty()) {
            Map<String, Object> builds = new LinkedHashMap<>();
            children.forEach(c -> builds.put(c.getIdentifier(), c.toMap()));
            m.put("builds", builds);
        }
        return m;
    }

    /** The engine's one line on why the build did not succeed (null for a success), for the failed step. */
    public void failure(String line) {
        this.failure = line;
    }

    /** The failed step's message: the engine's line on the phase that decided it (for a batch, each child's). */
    public String failureMessage() {
        String why = failure != null ? failure : "status " + status;
        return children.isEmpty() ? Messages.BuildResultAction_Failed(status, why)
                : Messages.BuildResultAction_BatchFailed(status, why);
    }

}
