package io.jenkins.plugins.codebuildspec.actions;

import dev.codebuildspec.record.StepRecord;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The cache, report or upload work of a build with its times, as the record's {@code steps} name it. A plain
 * class so that XStream stores it as it is.
 */
@ExportedBean(defaultVisibility = 3)
public final class StepRow {
    private final String name;
    private final String phase;
    private final String status;
    private final long startMillis;
    private final long endMillis;

    StepRow(StepRecord s) {
        this.name = s.name().name();
        this.phase = s.phase().map(Enum::name).orElse(null);
        this.status = s.status().name();
        this.startMillis = s.start().toEpochMilli();
        this.endMillis = s.end().toEpochMilli();
    }

    static ArrayList<StepRow> of(List<StepRecord> steps) {
        ArrayList<StepRow> rows = new ArrayList<>();
        steps.forEach(s -> rows.add(new StepRow(s)));
        return rows;
    }

    @Exported
    public String getName() {
        return name;
    }

    /** The phase it ran in; null between phases. */
    @Exported(name = "phaseType")
    public String getPhase() {
        return phase;
    }

    @Exported
    public String getStatus() {
        return status;
    }

    @Exported(name = "startTime")
    public long getStartMillis() {
        return startMillis;
    }

    @Exported(name = "endTime")
    public long getEndMillis() {
        return endMillis;
    }

    @Exported(name = "durationInMillis")
    public long getDurationMillis() {
        return endMillis - startMillis;
    }
}
