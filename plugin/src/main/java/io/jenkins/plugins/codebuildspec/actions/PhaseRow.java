package io.jenkins.plugins.codebuildspec.actions;

import dev.codebuildspec.record.PhaseRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * One row of the phase table, exported in the REST API with CodeBuild's field names. A plain class so that
 * XStream stores it as it is.
 */
@ExportedBean(defaultVisibility = 2)
public final class PhaseRow {
    private final String phase;
    private final String status;
    private final long startMillis;
    private final long durationSeconds;
    private final String context;
    /** Null in builds kept before these were recorded. */
    private final Long endMillis;
    private final ArrayList<RecordFields.Context> contexts;

    public PhaseRow(PhaseRecord p) {
        this.phase = p.type().name();
        this.status = p.status().name();
        this.startMillis = p.start().toEpochMilli();
        this.endMillis = p.end().map(java.time.Instant::toEpochMilli).orElse(null);
        this.durationSeconds = p.durationInSeconds();
        this.context = p.contexts().stream().map(c -> c.statusCode() + ": " + c.message())
                .collect(Collectors.joining("; "));
        this.contexts = RecordFields.contexts(p.contexts());
    }

    @Exported(name = "phaseType")
    public String getPhase() {
        return phase;
    }

    @Exported(name = "phaseStatus")
    public String getStatus() {
        return status;
    }

    @Exported(name = "startTime")
    public long getStartMillis() {
        return startMillis;
    }

    @Exported(name = "durationInSeconds")
    public long getDurationSeconds() {
        return durationSeconds;
    }

    @Exported(name = "endTime")
    public Long getEndMillis() {
        return endMillis;
    }

    /** The phase's contexts in one line, for the page. */
    public String getContext() {
        return context;
    }

    @Exported(name = "contexts", inline = true)
    public List<RecordFields.Context> getContexts() {
        return contexts == null ? List.of() : Collections.unmodifiableList(contexts);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phaseType", phase);
        m.put("phaseStatus", status);
        m.put("durationInSeconds", durationSeconds);
        m.put("context", context);
        return m;
    }
}
