package io.jenkins.plugins.codebuildspec.actions;

import java.io.Serializable;

/** One report group as published: test counts as the junit plugin summed them. A plain class for XStream. */
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

    public String getGroup() {
        return group;
    }

    public int getTotal() {
        return total;
    }

    public int getFailed() {
        return failed;
    }

    public int getSkipped() {
        return skipped;
    }
}
