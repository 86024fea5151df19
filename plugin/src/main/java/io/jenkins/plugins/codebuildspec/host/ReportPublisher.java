package io.jenkins.plugins.codebuildspec.host;

import hudson.model.Result;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.TestResultSummary;
import hudson.tasks.test.PipelineTestDetails;
import io.jenkins.plugins.codebuildspec.actions.ReportSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Publishes the buildspec's JUnit report groups through the junit plugin, so they show as Jenkins test
 * results; failing tests make the build UNSTABLE. {@code nodeId} is the Pipeline step's flow node (null
 * for freestyle).
 */
final class ReportPublisher {
    private final String nodeId;

    ReportPublisher(String nodeId) {
        this.nodeId = nodeId;
    }

    /** Hands each JUnit group's files (exactly the files the engine selected) to the junit plugin. */
    List<ReportSummary> publish(AgentContext c, Map<String, List<String>> junitGroups, Consumer<String> log)
            throws InterruptedException {
        List<ReportSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, List<String>> group : junitGroups.entrySet()) {
            if (group.getValue().isEmpty()) {
                continue;
            }
            JUnitResultArchiver task = new JUnitResultArchiver(String.join(",", group.getValue()));
            task.setAllowEmptyResults(true);
            PipelineTestDetails details = null;
            if (nodeId != null) {
                details = new PipelineTestDetails();
                details.setNodeId(nodeId);
            }
            try {
                TestResultSummary s = JUnitResultArchiver.parseAndSummarize(task, details, c.run(), c.workspace(),
                        c.launcher(), c.listener());
                summaries.add(new ReportSummary(group.getKey(), s.getTotalCount(), s.getFailCount(), s.getSkipCount()));
                if (s.getFailCount() > 0) {
                    Result current = c.run().getResult();
                    if (current == null || current.isBetterOrEqualTo(Result.UNSTABLE)) {
                        c.run().setResult(Result.UNSTABLE);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                log.accept("Warning: report group " + group.getKey() + " could not be published: " + e.getMessage());
            }
        }
        return summaries;
    }
}
