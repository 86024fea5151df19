package io.jenkins.plugins.codebuildspec.host;

import hudson.Launcher;
import hudson.LauncherDecorator;
import hudson.Proc;
import hudson.model.Node;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs whatever a launcher starts inside the build container instead:
 * {@code docker exec -u <user> -e NAME… <container> <command…>}. Variables are passed by name
 * only; their values stay in the environment of the {@code docker} client process on the agent, so
 * they show neither in the agent's process table nor in {@code docker inspect}. Used to run the
 * durable task (its wrapper, heartbeat and driver) in the container; rebuilt from the persisted
 * container id when needed, never serialized.
 */
final class DockerExecDecorator extends LauncherDecorator {
    private final String docker;
    private final String container;
    private final String user;
    private final List<String> variableNames;

    DockerExecDecorator(String docker, String container, String user, List<String> variableNames) {
        this.docker = docker;
        this.container = container;
        this.user = user;
        this.variableNames = List.copyOf(variableNames);
    }

    List<String> prefix() {
        List<String> p = new ArrayList<>(List.of(docker, "exec", "-u", user));
        for (String name : variableNames) {
            p.add("-e");
            p.add(name);
        }
        p.add(container);
        return p;
    }

    @Override
    public Launcher decorate(Launcher launcher, Node node) {
        List<String> prefix = prefix();
        return new Launcher.DecoratedLauncher(launcher) {
            @Override
            public Proc launch(Launcher.ProcStarter starter) throws IOException {
                List<String> original = starter.cmds();
                List<String> command = new ArrayList<>(prefix);
                command.addAll(original);
                boolean[] masks = starter.masks();
                starter.cmds(command);
                if (masks != null) {
                    boolean[] shifted = new boolean[command.size()];
                    System.arraycopy(masks, 0, shifted, prefix.size(), Math.min(masks.length, original.size()));
                    starter.masks(shifted);
                }
                return super.launch(starter);
            }
        };
    }
}
