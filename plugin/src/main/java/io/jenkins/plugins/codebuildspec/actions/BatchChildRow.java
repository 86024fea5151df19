package io.jenkins.plugins.codebuildspec.actions;

import dev.codebuildspec.batch.ChildOutcome;
import dev.codebuildspec.record.PhaseRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One child of a batch build on the result page and in the REST API, with CodeBuild's field names: its
 * identifier, status, phases and exported variables, or why it never started. A plain class so that XStream
 * stores it as it is; holds no secret (values were masked before they were recorded).
 */
@ExportedBean(defaultVisibility = 2)
public final class BatchChildRow {
    private final String identifier;
    private final String status;
    private final String reason;
    private final String buildId;
    private final List<PhaseRow> phases = new ArrayList<>();
    private final Map<String, String> exportedVariables = new LinkedHashMap<>();
    /** Null in builds kept before these were recorded (XStream leaves the fields null). */
    private final ArrayList<String> dependsOn;
    private final boolean ignoreFailure;
    private final Long startMillis;
    private final Long endMillis;
    private final ArrayList<StepRow> steps;

    BatchChildRow(ChildOutcome child) {
        this.identifier = child.identifier();
        this.status = child.status().name();
        this.reason = child.reason().orElse(null);
        this.buildId = child.result().map(r -> r.record().id()).orElse(null);
        this.dependsOn = new ArrayList<>(child.child().dependsOn());
        this.ignoreFailure = child.child().ignoreFailure();
        this.startMillis = child.start().map(java.time.Instant::toEpochMilli).orElse(null);
        this.endMillis = child.end().map(java.time.Instant::toEpochMilli).orElse(null);
        this.steps = StepRow.of(child.result().map(r -> r.record().steps()).orElse(List.of()));
        child.result().ifPresent(r -> {
            for (PhaseRecord p : r.record().phases()) {
                phases.add(new PhaseRow(p));
            }
            exportedVariables.putAll(r.record().exportedVariables());
        });
    }

    /** Where a child's whole log is kept: the build's directory, next to the records; the page reads it there. */
    public static java.nio.file.Path logFile(java.io.File buildDir, String batchId, String identifier) {
        return buildDir.toPath().resolve("codebuild-spec").resolve(batchId).resolve(identifier + ".log");
    }

    /** The end of a kept log (already masked): the last 64 KiB from a line start; empty when there is none. */
    static String logTail(java.nio.file.Path log) {
        try (java.nio.channels.FileChannel f = java.nio.channels.FileChannel.open(log)) {
            long size = f.size();
            long from = Math.max(0, size - 65536);
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate((int) (size - from));
            while (bytes.hasRemaining() && f.read(bytes, from + bytes.position()) > 0) {
                // read on
            }
            String text = new String(bytes.array(), 0, bytes.position(), java.nio.charset.StandardCharsets.UTF_8);
            return from == 0 ? text : text.substring(text.indexOf('\n') + 1);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Exported
    public String getIdentifier() {
        return identifier;
    }

    @Exported(name = "buildStatus")
    public String getStatus() {
        return status;
    }

    @Exported
    public String getReason() {
        return reason;
    }

    @Exported(name = "id")
    public String getBuildId() {
        return buildId;
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

    /** The children it waited for (CodeBuild's build-group {@code depend-on}). */
    @Exported
    public List<String> getDependsOn() {
        return dependsOn == null ? List.of() : Collections.unmodifiableList(dependsOn);
    }

    @Exported
    public boolean isIgnoreFailure() {
        return ignoreFailure;
    }

    /** Null for a child that never started. */
    @Exported(name = "startTime")
    public Long getStartMillis() {
        return startMillis;
    }

    @Exported(name = "endTime")
    public Long getEndMillis() {
        return endMillis;
    }

    /** How long it ran, for the page; empty for a child that never started. */
    public String getDuration() {
        return startMillis == null || endMillis == null ? "" : (endMillis - startMillis) / 1000 + " s";
    }

    @Exported(inline = true)
    public List<StepRow> getSteps() {
        return steps == null ? List.of() : Collections.unmodifiableList(steps);
    }

    /** The child's phase timeline, for the page's script. */
    public String getTimelineJson() {
        return ResultCharts.timeline(phases, getSteps());
    }

    /** The child in the Pipeline step's return value: plain maps and lists. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("buildId", buildId);
        m.put("reason", reason);
        List<Map<String, Object>> rows = new ArrayList<>();
        phases.forEach(p -> rows.add(p.toMap()));
        m.put("phases", rows);
        m.put("exportedVariables", new LinkedHashMap<>(exportedVariables));
        return m;
    }
}
