package io.jenkins.plugins.codebuildspec.host;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a buildspec build needs from the Jenkins build that runs it, for one stretch of work. */
public record AgentContext(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener, EnvVars env) {

    /** The name of the workspace's node ("" for the built-in node). */
    public String nodeName() {
        Computer computer = workspace.toComputer();
        return computer == null ? "" : computer.getName();
    }

    /** The agent user's uid and gid, in one round trip; empty (with a warning) when they cannot be told. */
    Optional<int[]> userIds() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            int status = launcher.launch().cmds("sh", "-c", "id -u && id -g").stdout(out).quiet(true).join();
            String[] ids = out.toString(StandardCharsets.UTF_8).trim().split("\\s+");
            if (status == 0 && ids.length == 2) {
                return Optional.of(new int[] {Integer.parseInt(ids[0]), Integer.parseInt(ids[1])});
            }
        } catch (IOException | NumberFormatException e) {
            listener.getLogger().println("Warning: cannot tell the agent's user (" + e.getMessage()
                    + "); the workspace is not handed back");
        }
        return Optional.empty();
    }

    /** Whether the workspace's agent is still connected through the channel this context holds. */
    public boolean connected() {
        // A computer is found by its current channel: none answers to a channel that was closed.
        Computer computer = workspace.getChannel() == null ? null : workspace.toComputer();
        return computer != null && computer.isOnline();
    }

    /**
     * Whether {@code failure} means the agent went away: its channel closed under the call (Jenkins may not have marked
     * the computer offline yet), or it is no longer connected.
     */
    public boolean lostBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException || t instanceof hudson.remoting.ChannelClosedException
                    || t instanceof hudson.remoting.RequestAbortedException) {
                return true;
            }
        }
        return !connected();
    }

    Node node() {
        Computer computer = workspace.toComputer();
        // The built-in node's computer answers the Jenkins instance itself.
        return computer == null ? null : computer.getNode();
    }
}
