package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.FilePath;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a finished build hands to Jenkins, computed by the engine on the agent where the
 * workspace is: the artifact map for {@code ArtifactManager.archive} (archive path → workspace-relative
 * path) and, per report group, its summary and workspace-relative files.
 */
interface BuildOutputs {
    /**
     * @param evaluated values the driver evaluated in the container (artifact names, base directories)
     * @throws IOException when UPLOAD_ARTIFACTS fails; the message is CodeBuild's
     */
    Map<String, String> artifacts(Map<String, String> evaluated, FilePath workspace, Consumer<String> log)
            throws IOException, InterruptedException;

    List<CollectedReport> reports(FilePath workspace, Consumer<String> log) throws IOException, InterruptedException;
}
