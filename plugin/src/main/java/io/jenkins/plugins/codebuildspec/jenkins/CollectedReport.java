package io.jenkins.plugins.codebuildspec.jenkins;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One report group as the engine collected it on the agent: its format, the one-line summary
 * for the log and the workspace-relative files (for the junit plugin).
 */
record CollectedReport(String group, String format, String summary, ArrayList<String> files, ArrayList<String> warnings)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    boolean isJUnit() {
        return format.equals("JUNITXML");
    }

    List<String> fileList() {
        return files;
    }
}
