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
    private final List<BuildResultAction.PhaseRow> phases = new ArrayList<>();
    private final Map<String, String> exportedVariables = new LinkedHashMap<>();

    BatchChildRow(ChildOutcome child) {
        this.identifier = child.identifier();
        this.status = child.status().name();
        this.reason = child.reason().orElse(null);
        this.buildId = child.result().map(r -> r.record().id()).orElse(null);
        child.result().ifPresent(r -> {
            for (PhaseRecord p : r.record().phases()) {
                phases.add(new BuildResultAction.PhaseRow(p));
            }
            exportedVariables.putAll(r.record().exportedVariables());
        });
    }

    /** Where a child's whole log is kept: the build's directory, next to the records; the page reads it there. */
    public static java.nio.file.Path logFile(java.io.File buildDir, String batchId, String identifier) {
        return buildDir.toPath().resolve("codebuild-spec").resolve(batchId).resolve(identifier + ".log");
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
    public List<BuildResultAction.PhaseRow> getPhases() {
        return Collections.unmodifiableList(phases);
    }

    public Map<String, String> getExportedVariables() {
        return Collections.unmodifiableMap(exportedVariables);
    }

    @Exported(name = "exportedEnvironmentVariables", inline = true)
    public List<RecordFields.NameValue> getExportedVariableList() {
        return RecordFields.variables(exportedVariables);
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
