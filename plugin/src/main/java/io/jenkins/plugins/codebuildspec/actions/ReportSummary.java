package io.jenkins.plugins.codebuildspec.actions;

import java.io.Serializable;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One report group as published: test counts as the junit plugin summed them. A plain class for XStream. */
@ExportedBean(defaultVisibility = 2)
public final class ReportSummary implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String group;
    private final int total;
    private final int failed;
    private final int skipped;

    public ReportSummary(String group, int total, int failed, int skipped) {
        this.group = group;
        this.total = total;
        this.failed = failed;
        this.skipped = skipped;
    }

    @Exported
    public String getGroup() {
        return group;
    }

    @Exported
    public int getTotal() {
        return total;
    }

    @Exported
    public int getFailed() {
        return failed;
    }

    @Exported
    public int getSkipped() {
        return skipped;
    }
}
