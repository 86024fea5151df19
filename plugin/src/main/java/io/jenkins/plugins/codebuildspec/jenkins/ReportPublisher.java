package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.model.Result;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.TestResultSummary;
import hudson.tasks.test.PipelineTestDetails;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Publishes the buildspec's JUnit report groups through the junit plugin, so they show as Jenkins
 * test results; failing tests make the build UNSTABLE. {@code nodeId} is the Pipeline step's
 * flow node (null for freestyle).
 */
final class ReportPublisher implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String nodeId;

    ReportPublisher(String nodeId) {
        this.nodeId = nodeId;
    }

    /**
     * Logs the engine's summary of every group, and hands the JUnit groups' files (exactly the
     * files the engine selected) to the junit plugin.
     */
    List<ReportSummary> publish(BuildSession.Context c, BuildOutputs outputs, Consumer<String> log)
            throws InterruptedException {
        List<ReportSummary> summaries = new ArrayList<>();
        List<CollectedReport> groups;
        try {
            groups = outputs.reports(c.workspace(), log);
        } catch (IOException e) {
            log.accept("Warning: reports not collected: " + e.getMessage());
            return summaries;
        }
        for (CollectedReport group : groups) {
            group.warnings().forEach(w -> log.accept("Warning: " + w));
            log.accept(group.summary());
            if (!group.isJUnit() || group.fileList().isEmpty()) {
                continue;
            }
            JUnitResultArchiver task = new JUnitResultArchiver(String.join(",", group.fileList()));
            task.setAllowEmptyResults(true);
            PipelineTestDetails details = null;
            if (nodeId != null) {
                details = new PipelineTestDetails();
                details.setNodeId(nodeId);
            }
            try {
                TestResultSummary s = JUnitResultArchiver.parseAndSummarize(task, details, c.run(), c.workspace(),
                        c.launcher(), c.listener());
                summaries.add(new ReportSummary(group.group(), s.getTotalCount(), s.getFailCount(), s.getSkipCount()));
                if (s.getFailCount() > 0) {
                    Result current = c.run().getResult();
                    if (current == null || current.isBetterOrEqualTo(Result.UNSTABLE)) {
                        c.run().setResult(Result.UNSTABLE);
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                log.accept("Warning: report group " + group.group() + " could not be published: " + e.getMessage());
            }
        }
        return summaries;
    }
}
