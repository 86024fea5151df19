package io.jenkins.plugins.codebuildspec.steps;

import dev.codebuildspec.run.PolledBuild;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.actions.BuildResultAction;
import io.jenkins.plugins.codebuildspec.host.AgentContext;
import io.jenkins.plugins.codebuildspec.host.BuildSettings;
import io.jenkins.plugins.codebuildspec.host.JenkinsBuild;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The durable execution of {@code codebuildSpec}, polled from {@link Timer} ticks as durable-task's own step is,
 * so that a controller restart may land at any moment: nothing is "in progress" in what is saved, and
 * {@link #onResume} only schedules the next tick. Each tick makes the engine's machine (or finds it again from its
 * saved state), then prepares, polls or completes it. An agent that cannot be reached is waited for (the driver runs
 * on in its container) up to a bound, after which the build ends FAULT through FINALIZING with its record kept.
 */
final class CodeBuildSpecExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    private static final Logger LOGGER = Logger.getLogger(CodeBuildSpecExecution.class.getName());
    private static final Duration AGENT_RETRY = Duration.ofSeconds(5);
    /** How long an agent may stay away before the build ends: a system property, in seconds (default 300). */
    static final String AGENT_WAIT_PROPERTY = "io.jenkins.plugins.codebuildspec.agentWaitSeconds";

    private final JenkinsBuild build;
    private volatile boolean done;
    /** DOWNLOAD_SOURCE is over (the driver runs, or the build ended before it): after a restart, it is not run again. */
    private boolean prepared;
    private long agentLostSince;
    private transient volatile PolledBuild machine;
    private transient volatile boolean stopAsked;
    private transient StepAgent agent;
    private transient int savedChanges = -1;

    CodeBuildSpecExecution(StepContext context, BuildSettings settings) throws IOException, InterruptedException {
        super(context);
        this.build = new JenkinsBuild(settings, context.get(FlowNode.class).getId());
    }

    @Override
    public boolean start() {
        schedule(Duration.ZERO);
        return false;
    }

    @Override
    public void onResume() {
        agent = null;
        machine = null;
        savedChanges = -1;
        if (!done) {
            schedule(Duration.ZERO);
        }
    }

    private void schedule(Duration delay) {
        Timer.get().schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One step of the build; ticks never overlap (each schedules the next one when it is done). */
    private synchronized void tick() {
        if (done) {
            return;
        }
        AgentContext c = null;
        try {
            c = context();
            PolledBuild m = machine(c);
            if (!prepared) {
                boolean running = m.prepare();
                if (!c.connected()) {
                    throw new StepAgent.OfflineException(null); // DOWNLOAD_SOURCE runs again once the agent is back
                }
                prepared = true;
                if (!running) {
                    finish(c, m);
                    return;
                }
            }
            Optional<Duration> next = m.poll();
            agentBack(c);
            if (next.isEmpty()) {
                finish(c, m);
                return;
            }
            save();
            schedule(next.get());
        } catch (StepAgent.OfflineException e) {
            agentAway(e);
        } catch (Throwable e) {
            if (c != null && c.lostBy(e)) {
                agentAway(e);
            } else {
                failAndFinish(c, e);
            }
        }
    }

    private PolledBuild machine(AgentContext c) throws IOException, InterruptedException {
        PolledBuild m = machine;
        if (m == null) {
            m = build.node() == null ? build.start(c) : prepared ? build.resume(c) : build.startAgain(c);
            machine = m;
            if (stopAsked) {
                m.requestStop();
            }
        }
        return m;
    }

    /** The agent does not answer: forget what holds its channel, and look again a little later, up to the bound. */
    private void agentAway(Throwable cause) {
        agent = null;
        machine = null;
        long now = System.currentTimeMillis();
        long waitSeconds = Long.getLong(AGENT_WAIT_PROPERTY, 300);
        try {
            if (agentLostSince == 0) {
                agentLostSince = now;
                listener().getLogger().println(Messages.CodeBuildSpecExecution_AgentLost(build.node(), cause, String.valueOf(waitSeconds)));
                getContext().saveState();
            }
            if (now - agentLostSince > TimeUnit.SECONDS.toMillis(waitSeconds)) {
                try {
                    giveUp(Messages.CodeBuildSpecExecution_AgentGone(build.node(), String.valueOf(waitSeconds)));
                } catch (Exception e) {
                    failAndFinish(null, e); // the bound is past: the step ends, it does not wait on
                }
                return;
            }
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "while waiting for the agent " + build.node(), e);
        }
        schedule(AGENT_RETRY);
    }

    private void agentBack(AgentContext c) throws IOException {
        if (agentLostSince != 0) {
            agentLostSince = 0;
            c.listener().getLogger().println(Messages.CodeBuildSpecExecution_AgentBack(build.node()));
            getContext().saveState();
        }
    }

    /** The agent stayed away: the build ends FAULT through FINALIZING on a host that answers nothing, record kept. */
    private void giveUp(String why) throws Exception {
        PolledBuild m = build.abandon(run(), listener(), Messages.CodeBuildSpecExecution_AgentAway(build.node()));
        m.fail(why);
        finish(null, m);
    }

    private void save() throws IOException {
        int changes = build.changes();
        if (changes != savedChanges) {
            getContext().saveState();
            savedChanges = changes;
        }
    }

    /** An error of ours: the running phase ends FAULT and the container goes before the step fails. */
    private void failAndFinish(AgentContext c, Throwable e) {
        PolledBuild m = machine;
        try {
            if (m != null && c != null) {
                m.fail(String.valueOf(e.getMessage()));
                finish(c, m);
                return;
            }
        } catch (Exception cleanup) {
            e.addSuppressed(cleanup);
        }
        done = true;
        getContext().onFailure(e);
    }

    /** {@code c} is null when the agent is away: nothing is done there then. */
    private void finish(AgentContext c, PolledBuild m) throws Exception {
        if (done) {
            return;
        }
        BuildResultAction action = build.finish(run(), listener(), c, m);
        done = true;
        switch (action.outcome()) {
            case SUCCEEDED -> getContext().onSuccess(action.toResultMap());
            case STOPPED -> getContext().onFailure(new FlowInterruptedException(Result.ABORTED));
            default -> getContext().onFailure(new AbortException(action.failureMessage()));
        }
    }

    @Override
    public void stop(Throwable cause) {
        // Not super.stop(): that would end the step before the container is gone. Asked at once, without waiting
        // for a tick (a pull may hold one); then killed, rather than at the next poll: an abort takes seconds.
        stopAsked = true;
        PolledBuild running = machine;
        if (running != null) {
            running.requestStop();
        }
        Timer.get().submit(() -> stopNow(cause));
    }

    private synchronized void stopNow(Throwable cause) {
        try {
            if (done) {
                return;
            }
            PolledBuild m;
            AgentContext c = null;
            try {
                c = context();
                m = machine(c);
            } catch (StepAgent.OfflineException e) {
                m = build.abandon(run(), listener(), Messages.CodeBuildSpecExecution_AgentAway(build.node()));
            }
            m.stopNow();
            finish(c, m);
        } catch (Exception e) {
            LOGGER.log(Level.WARNING, "could not stop the buildspec build cleanly", e);
        } finally {
            if (!done) {
                done = true;
                getContext().onFailure(cause);
            }
        }
    }

    /** What is saved is never half a poll: the machine's own lock is held while it is written. */
    private void writeObject(ObjectOutputStream out) throws IOException {
        PolledBuild lock = machine;
        if (lock == null) {
            out.defaultWriteObject();
            return;
        }
        synchronized (lock) {
            out.defaultWriteObject();
        }
    }

    @Override
    public String getStatus() {
        return "buildspec build " + build.stage() + (agent == null ? "" : agent.where())
                + (agentLostSince == 0 ? "" : ", waiting for the agent " + build.node());
    }

    private Run<?, ?> run() throws IOException, InterruptedException {
        return getContext().get(Run.class);
    }

    private TaskListener listener() throws IOException, InterruptedException {
        return getContext().get(TaskListener.class);
    }

    private AgentContext context() throws IOException, InterruptedException {
        if (agent == null) {
            agent = new StepAgent();
        }
        return agent.context(getContext(), build);
    }
}
