package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import dev.codebuildspec.record.Status;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.FilePathUtils;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The durable execution of {@code codebuildSpec}: short background chunks (prepare and start the
 * container; each poll; publish and clean up) between which nothing runs, so a controller restart
 * only ever lands between two chunks. The driver itself is a durable task inside the container and
 * keeps running while the controller is away; {@link #onResume} re-attaches the session (credentials
 * resolved again, the journal replayed) and polling goes on from the durable log's saved offset.
 */
final class CodeBuildSpecExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CodeBuildSpecExecution.class.getName());
    private static final long MIN_POLL_MILLIS = 250;
    private static final long MAX_POLL_MILLIS = 5000;
    /** How long to wait for the agent to come back after a restart before giving up. */
    private static final long AGENT_WAIT_MILLIS = 5 * 60 * 1000;

    private final BuildSession session;
    private volatile boolean done;
    private long agentLostSince;
    private transient long pollDelay;
    private transient FilePath ws;

    CodeBuildSpecExecution(StepContext context, BuildSettings settings) {
        super(context);
        this.session = new BuildSession(settings);
    }

    @Override
    public boolean start() throws Exception {
        run(this::begin);
        return false;
    }

    private void begin() throws Exception {
        BuildSession.Context c = context();
        ws = c.workspace();
        try {
            if (!session.prepare(c) || !session.provision(c)) {
                finish(c);
                return;
            }
            session.launch(c);
        } catch (Exception e) {
            cleanUpAfter(c, e);
            throw e;
        }
        getContext().saveState();
        schedule(MIN_POLL_MILLIS);
    }

    /** An error of ours: the running phase ends FAULT and the container goes, before the step fails. */
    private void cleanUpAfter(BuildSession.Context c, Exception e) {
        done = true;
        try {
            session.failNow(c, e);
            session.complete(c, new ReportPublisher(null));
        } catch (Exception cleanup) {
            e.addSuppressed(cleanup);
        }
    }

    private void schedule(long delay) {
        pollDelay = delay;
        Timer.get().schedule(() -> {
            if (!done) {
                run(this::poll);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void poll() throws Exception {
        if (done) {
            return;
        }
        BuildSession.Context c;
        try {
            c = context();
        } catch (AgentOfflineException e) {
            if (agentLostSince == 0) {
                agentLostSince = System.currentTimeMillis();
            }
            if (System.currentTimeMillis() - agentLostSince > AGENT_WAIT_MILLIS) {
                throw new AbortException(Messages.CodeBuildSpecExecution_AgentGone(session.node()));
            }
            schedule(MAX_POLL_MILLIS);
            return;
        }
        agentLostSince = 0;
        try {
            session.attach(c);
            if (session.poll(c)) {
                finish(c);
                return;
            }
        } catch (Exception e) {
            if (!done) {
                cleanUpAfter(c, e);
                throw e;
            }
            return;
        }
        getContext().saveState();
        schedule(Math.min(MAX_POLL_MILLIS, Math.max(MIN_POLL_MILLIS, pollDelay * 2)));
    }

    private void finish(BuildSession.Context c) throws Exception {
        FlowNode node = getContext().get(FlowNode.class);
        BuildResultAction result = session.complete(c, new ReportPublisher(node.getId()));
        if (done || result == null) {
            return;
        }
        done = true;
        Status status = Status.valueOf(result.getStatus());
        if (status == Status.SUCCEEDED) {
            getContext().onSuccess(result.toResultMap());
        } else if (status == Status.STOPPED) {
            getContext().onFailure(new FlowInterruptedException(Result.ABORTED));
        } else {
            getContext().onFailure(new AbortException(result.failureMessage()));
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        session.requestStop();
        // Not super.stop(): that would end the step before the container is gone. A poll chunk
        // that is running finishes within a poll; the session is synchronized.
        // Kill at once rather than at the next poll: abort must take seconds, not a poll period.
        Timer.get().submit(() -> {
            try {
                BuildSession.Context c = context();
                session.attach(c);
                session.stopNow(c);
                session.complete(c, new ReportPublisher(null));
            } catch (Exception e) {
                LOGGER.log(Level.WARNING, "could not stop the buildspec build cleanly", e);
            } finally {
                if (!done) {
                    done = true;
                    getContext().onFailure(cause);
                }
            }
        });
    }

    @Override
    public void onResume() {
        super.onResume();
        ws = null;
        if (!done) {
            schedule(MIN_POLL_MILLIS);
        }
    }

    @Override
    public String getStatus() {
        return "buildspec build " + session.phase() + (ws == null ? "" : " in " + ws.getRemote());
    }

    private BuildSession.Context context() throws IOException, InterruptedException {
        StepContext ctx = getContext();
        FilePath workspace = ws;
        if (workspace == null) {
            workspace = ctx.get(FilePath.class);
            if (workspace == null && session.node() != null) {
                workspace = FilePathUtils.find(session.node(), session.remote());
            }
            if (workspace == null || workspace.getChannel() == null) {
                throw new AgentOfflineException();
            }
            ws = workspace;
        }
        return new BuildSession.Context(ctx.get(Run.class), workspace, ctx.get(Launcher.class), ctx.get(TaskListener.class),
                ctx.get(EnvVars.class));
    }

    /** The agent holding the workspace is not connected (yet). */
    private static final class AgentOfflineException extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
