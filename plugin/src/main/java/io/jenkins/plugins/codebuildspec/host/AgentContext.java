package io.jenkins.plugins.codebuildspec.host;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;

/** What a buildspec build needs from the Jenkins build that runs it, for one stretch of work. */
public record AgentContext(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener, EnvVars env) {

    /** The name of the workspace's node ("" for the built-in node). */
    public String nodeName() {
        Computer computer = workspace.toComputer();
        return computer == null ? "" : computer.getName();
    }

    Node node() {
        Computer computer = workspace.toComputer();
        // The built-in node's computer answers the Jenkins instance itself.
        return computer == null ? null : computer.getNode();
    }
}
