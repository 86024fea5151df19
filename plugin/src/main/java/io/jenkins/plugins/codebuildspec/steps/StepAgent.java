package io.jenkins.plugins.codebuildspec.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.codebuildspec.host.AgentContext;
import io.jenkins.plugins.codebuildspec.host.JenkinsBuild;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The step's way to its agent: the workspace, launcher and listener of the {@code node} block it runs in, found
 * through the step's context, or by the node's name and the workspace's path after a restart. Remembers the
 * workspace once found; an agent that is not connected is an {@link OfflineException}, which the step waits out.
 */
final class StepAgent {
    private FilePath workspace;

    AgentContext context(StepContext ctx, JenkinsBuild build) throws IOException, InterruptedException {
        if (workspace == null) {
            FilePath found;
            try {
                found = ctx.get(FilePath.class);
            } catch (IOException e) {
                throw new OfflineException(e); // the node step's context cannot reach it (yet)
            }
            if (found == null && build.node() != null) {
                found = FilePathUtils.find(build.node(), build.remote());
            }
            if (found == null || found.getChannel() == null) {
                throw new OfflineException(null);
            }
            workspace = found;
        }
        AgentContext c = new AgentContext(ctx.get(Run.class), workspace, ctx.get(Launcher.class),
                ctx.get(TaskListener.class), ctx.get(EnvVars.class));
        if (c.launcher() == null || !c.connected()) {
            workspace = null;
            throw new OfflineException(null);
        }
        return c;
    }

    /** Where the build runs, for the step's status; empty before the workspace was found. */
    String where() {
        return workspace == null ? "" : " in " + workspace.getRemote();
    }

    /** The agent holding the workspace is not connected (yet). */
    static final class OfflineException extends IOException {
        private static final long serialVersionUID = 1L;

        OfflineException(Throwable cause) {
            super(cause == null ? "the agent is not connected" : cause.toString(), cause);
        }
    }
}
