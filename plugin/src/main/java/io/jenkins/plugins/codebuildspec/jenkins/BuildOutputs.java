package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.FilePath;
import io.jenkins.plugins.codebuildspec.spec.Buildspec;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a finished build hands to Jenkins: the artifact map for
 * {@code ArtifactManager.archive} (archive path → workspace-relative path, both {@code /}-separated)
 * and, per report group, the workspace-relative report files. This is the seam where the engine's
 * artifact and report planning (being written) plugs in; until then {@link SpecOutputs} reads the
 * buildspec's primary {@code artifacts} and {@code reports} itself.
 */
interface BuildOutputs {
    /**
     * @param evaluated values the driver evaluated in the container (artifact names, base directories)
     */
    Map<String, String> artifacts(Buildspec spec, Map<String, String> evaluated, FilePath workspace)
            throws IOException, InterruptedException;

    /** Report group name → Ant patterns relative to the workspace, for the report groups the junit plugin reads. */
    Map<String, List<String>> junitReports(Buildspec spec);
}
