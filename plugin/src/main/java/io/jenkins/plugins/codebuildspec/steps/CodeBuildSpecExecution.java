package io.jenkins.plugins.codebuildspec.steps;

import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.PolledBuild;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.actions.BuildResultAction;
import io.jenkins.plugins.codebuildspec.host.AgentContext;
import io.jenkins.plugins.codebuildspec.host.BuildSettings;
import io.jenkins.plugins.codebuildspec.host.JenkinsBuild;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
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
 * The durable execution of {@code codebuildSpec}: the engine's phase machine driven in short background
 * chunks (prepare; each poll; complete), so a controller restart only ever lands between two. The driver
 * is a durable task in the container and runs on while the controller is away; {@link #onResume} makes the
 * machine again from its saved state. The state is saved only when it changed, not on every poll.
 */
final class CodeBuildSpecExecution extends GeneralNonBlockingStepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CodeBuildSpecExecution.class.getName());
    private static final long AGENT_RETRY_MILLIS = 5000;
    /** How long to wait for the agent to come back after a restart before giving up. */
    private static final long AGENT_WAIT_MILLIS = 5 * 60 * 1000;

    private final JenkinsBuild build;
    private volatile boolean done;
    private long agentLostSince;
    private transient volatile PolledBuild machine;
    private transient FilePath ws;
    private transient int savedChanges = -1;

    CodeBuildSpecExecution(StepContext context, BuildSettings settings) throws IOException, InterruptedException {
        super(context);
        this.build = new JenkinsBuild(settings, context.get(FlowNode.class).getId());
    }

    @Override
    public boolean start() throws Exception {
        run(this::begin);
        return false;
    }

    private void begin() throws Exception {
        AgentContext c = context();
        PolledBuild m = build.start(c);
        machine = m;
        try {
            // A stop that came while DOWNLOAD_SOURCE ran (before there was a driver to stop) ends the build here.
            if (!m.prepare() || done) {
                finish(c);
                return;
            }
        } catch (Exception e) {
            failAndFinish(m, c, e);
            throw e;
        }
        save();
        schedule(Duration.ZERO);
    }

    private void schedule(Duration delay) {
        Timer.get().schedule(() -> {
            if (!done) {
                run(this::poll);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll() throws Exception {
        if (done) {
            return;
        }
        AgentContext c;
        try {
            c = context();
        } catch (AgentOfflineException e) {
            if (agentLostSince == 0) {
                agentLostSince = System.currentTimeMillis();
            }
            if (System.currentTimeMillis() - agentLostSince > AGENT_WAIT_MILLIS) {
                throw new AbortException(Messages.CodeBuildSpecExecution_AgentGone(build.node()));
            }
            schedule(Duration.ofMillis(AGENT_RETRY_MILLIS));
            return;
        }
        agentLostSince = 0;
        PolledBuild m = machine(c);
        Optional<Duration> next;
        try {
            next = m.poll();
        } catch (Exception e) {
            failAndFinish(m, c, e);
            throw e;
        }
        if (next.isEmpty()) {
            finish(c);
            return;
        }
        save();
        schedule(next.get());
    }

    private synchronized PolledBuild machine(AgentContext c) throws IOException, InterruptedException {
        if (machine == null) {
            machine = build.resume(c);
        }
        return machine;
    }

    private void save() throws IOException {
        int changes = build.changes();
        if (changes != savedChanges) {
            getContext().saveState();
            savedChanges = changes;
        }
    }

    /** An error of ours: the running phase ends FAULT and the container goes before the step fails. */
    private void failAndFinish(PolledBuild m, AgentContext c, Exception e) {
        try {
            m.fail(e.getMessage());
            finish(c);
        } catch (Exception cleanup) {
            e.addSuppressed(cleanup);
        }
    }

    private synchronized void finish(AgentContext c) throws Exception {
        PolledBuild m = machine(c);
        if (done) {
            return;
        }
        BuildResultAction action = build.finish(c, m);
        done = true;
        if (action.getStatus().equals(Status.SUCCEEDED.name())) {
            getContext().onSuccess(action.toResultMap());
        } else if (action.getStatus().equals(Status.STOPPED.name())) {
            getContext().onFailure(new FlowInterruptedException(Result.ABORTED));
        } else {
            getContext().onFailure(new AbortException(action.failureMessage()));
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        // Not super.stop(): that would end the step before the container is gone. Kill at once rather
        // than at the next poll: an abort must take seconds, not a poll period.
        PolledBuild running = machine;
        if (running != null) {
            running.requestStop(); // at once, without waiting for the machine's lock (a pull may hold it)
        }
        Timer.get().submit(() -> {
            try {
                if (machine == null && build.changes() < 0) {
                    return; // nothing started yet: begin() sees the stop and cleans up what it made
                }
                AgentContext c = context();
                PolledBuild m = machine(c);
                m.stopNow();
                finish(c);
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
        machine = null;
        if (!done) {
            schedule(Duration.ZERO);
        }
    }

    @Override
    public String getStatus() {
        return "buildspec build " + build.stage()
                + (ws == null ? "" : " in " + ws.getRemote());
    }

    private AgentContext context() throws IOException, InterruptedException {
        StepContext ctx = getContext();
        FilePath workspace = ws;
        if (workspace == null) {
            workspace = ctx.get(FilePath.class);
            if (workspace == null && build.node() != null) {
                workspace = FilePathUtils.find(build.node(), build.remote());
            }
            if (workspace == null || workspace.getChannel() == null) {
                throw new AgentOfflineException();
            }
            ws = workspace;
        }
        return new AgentContext(ctx.get(Run.class), workspace, ctx.get(Launcher.class), ctx.get(TaskListener.class),
                ctx.get(EnvVars.class));
    }

    /** The agent holding the workspace is not connected (yet). */
    private static final class AgentOfflineException extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
