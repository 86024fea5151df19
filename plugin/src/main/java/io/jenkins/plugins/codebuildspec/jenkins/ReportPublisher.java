package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.model.Result;
import hudson.tasks.junit.JUnitResultArchiver;
import hudson.tasks.junit.TestResultSummary;
import hudson.tasks.test.PipelineTestDetails;
import io.jenkins.plugins.codebuildspec.spec.Buildspec;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    List<ReportSummary> publish(BuildSession.Context c, Buildspec spec, BuildOutputs outputs, Consumer<String> log)
            throws InterruptedException {
        List<ReportSummary> summaries = new ArrayList<>();
        Map<String, List<String>> groups;
        try {
            groups = outputs.junitReports(spec);
        } catch (IllegalArgumentException e) {
            log.accept("Warning: reports not published: " + e.getMessage());
            return summaries;
        }
        for (Map.Entry<String, List<String>> group : groups.entrySet()) {
            JUnitResultArchiver task = new JUnitResultArchiver(String.join(",", group.getValue()));
            task.setAllowEmptyResults(true);
            PipelineTestDetails details = null;
            if (nodeId != null) {
                details = new PipelineTestDetails();
                details.setNodeId(nodeId);
            }
            try {
                TestResultSummary s = JUnitResultArchiver.parseAndSummarize(task, details, c.run(), c.workspace(), c.launcher(),
                        c.listener());
                summaries.add(new ReportSummary(group.getKey(), s.getTotalCount(), s.getFailCount(), s.getSkipCount()));
                log.accept("Report group " + group.getKey() + ": " + s.getTotalCount() + " test(s), " + s.getFailCount()
                        + " failed, " + s.getSkipCount() + " skipped");
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
