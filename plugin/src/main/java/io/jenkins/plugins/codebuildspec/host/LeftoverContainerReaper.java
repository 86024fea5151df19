package io.jenkins.plugins.codebuildspec.host;

import hudson.EnvVars;
import hudson.Extension;
import hudson.Launcher;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.ComputerListener;
import jenkins.util.Timer;
import dev.codebuildspec.docker.ContainerReaper;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.docker.commons.tools.DockerTool;

/**
 * Every few minutes, on every online Unix agent (and the built-in node), removes the build
 * containers of this controller whose build no longer runs: a controller that crashed, an agent
 * that lost its connection mid-build, a cleanup that failed. Containers of other controllers and
 * of the CLI are never touched (their owner label says whose they are). A safety net; every build
 * removes its own container on every path it controls; an agent that comes back is looked at at once.
 */
@Extension
public final class LeftoverContainerReaper extends AsyncPeriodicWork {
    private static final Logger LOGGER = Logger.getLogger(LeftoverContainerReaper.class.getName());

    public LeftoverContainerReaper() {
        super("codebuild-spec leftover containers");
    }

    @Override
    public long getRecurrencePeriod() {
        return TimeUnit.MINUTES.toMillis(5);
    }

    @Override
    protected void execute(TaskListener listener) throws IOException, InterruptedException {
        for (Computer computer : Jenkins.get().getComputers()) {
            reap(computer, listener);
        }
    }

    /** Removes the leftovers on one computer, when it is an online Unix machine with Docker. */
    static void reap(Computer computer, TaskListener listener) throws InterruptedException {
        Node node = computer.getNode();
        if (node == null || !computer.isOnline() || !Boolean.TRUE.equals(computer.isUnix())) {
            return;
        }
        String instance = Jenkins.get().getLegacyInstanceId();
        try {
            Launcher launcher = node.createLauncher(listener);
            String docker = DockerTool.getExecutable(null, node, listener, new EnvVars());
            List<String> removed = new ContainerReaper(new DockerCli(new JenkinsProcessLauncher(launcher, null, Map.of()), docker))
                    .reap(owner -> isGone(owner, instance));
            if (!removed.isEmpty()) {
                LOGGER.info(() -> "Removed " + removed.size() + " leftover build container(s) on " + computer.getName()
                        + ": " + removed);
            }
        } catch (DockerException | IOException e) {
            // No docker on that agent, or it did not answer: nothing of ours can be there, or next time.
            LOGGER.log(Level.FINE, "cannot look for leftover containers on " + computer.getName(), e);
        }
    }

    /**
     * An agent that comes back may hold the container of a build that ended while it was away: removed at once,
     * not at the next period.
     */
    @Extension
    public static final class OnAgentBack extends ComputerListener {
        @Override
        public void onOnline(Computer computer, TaskListener listener) {
            Timer.get().submit(() -> {
                try {
                    reap(computer, TaskListener.NULL);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    static boolean isGone(String owner, String instance) {
        Optional<String> id = Owners.runOf(owner, instance);
        if (id.isEmpty()) {
            return false;
        }
        Run<?, ?> run;
        try {
            run = Run.fromExternalizableId(id.get());
        } catch (RuntimeException e) {
            return false;
        }
        return run == null || !run.isBuilding();
    }
}
