package dev.codebuildspec.run;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.ReportGroup;
import java.io.IOException;
import java.util.Map;

/**
 * Where a build's artifacts and reports go. Both calls run the engine's own steps ({@link ArtifactStep#plan},
 * {@link ReportStep#collect}) where the source tree is, then store what they found: the CLI copies to
 * directories, Jenkins archives through its artifact manager and publishes JUnit results.
 */
public interface BuildOutputs {
    ArtifactsOutcome artifacts(ArtifactsSpec spec, Map<String, String> evaluated) throws IOException, InterruptedException;

    ReportsOutcome reports(Map<String, ReportGroup> groups) throws IOException, InterruptedException;
}
