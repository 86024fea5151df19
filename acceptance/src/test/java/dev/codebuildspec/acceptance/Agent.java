package dev.codebuildspec.acceptance;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A separate agent JVM on this machine, connected to the Jenkins under test as a user's inbound agent is: a
 * permanent node made through the script console, {@code agent.jar} downloaded from that Jenkins, started over
 * WebSocket. Builds on its label run in that JVM, so whatever the plugin sends across passes Jenkins' class filter.
 */
final class Agent {
    static final String NAME = "codebuild-spec-agent";

    private final Jenkins jenkins;
    private final Path home;
    private Process process;

    Agent(Jenkins jenkins, Path home) {
        this.jenkins = jenkins;
        this.home = home;
    }

    /** The node, and an agent JVM of this suite's own for it (any other one for it on this machine is ended first). */
    void ensureOnline() throws IOException, InterruptedException {
        Files.createDirectories(home);
        jenkins.groovy("""
                import hudson.slaves.*
                import hudson.model.Node
                def j = jenkins.model.Jenkins.get()
                if (j.getNode('%1$s') == null) {
                    def launcher = new JNLPLauncher()
                    launcher.webSocket = true
                    def n = new DumbSlave('%1$s', '%2$s', launcher)
                    n.numExecutors = 2
                    n.labelString = '%1$s'
                    n.mode = Node.Mode.EXCLUSIVE
                    j.addNode(n)
                }
                print('ok')
                """.formatted(NAME, home));
        start();
    }

    boolean online() throws IOException, InterruptedException {
        return jenkins.groovy("def c = jenkins.model.Jenkins.get().getComputer('" + NAME + "'); print(c != null && c.isOnline())")
                .equals("true");
    }

    void start() throws IOException, InterruptedException {
        Path jar = home.resolve("agent.jar");
        // An agent JVM left by an earlier run keeps trying to connect, and would take the node over whenever ours is
        // away: a test of an agent that stays away must not see it come back.
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(jar.toString()))
                .forEach(ProcessHandle::destroyForcibly);
        Wait gone = new Wait(Duration.ofSeconds(60), "the earlier agent of " + NAME + " to be seen offline");
        while (online()) {
            gone.pause(Duration.ofMillis(500));
        }
        if (!Files.exists(jar)) {
            try (InputStream in = URI.create(jenkins.url() + "/jnlpJars/agent.jar").toURL().openStream()) {
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String secret = jenkins.groovy("print(jenkins.model.Jenkins.get().getComputer('" + NAME + "').getJnlpMac())");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "-url", jenkins.url() + "/", "-secret", secret, "-name", NAME, "-webSocket", "-workDir",
                home.toString()))
                .redirectErrorStream(true).redirectOutput(home.resolve("agent.log").toFile()).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        Wait wait = new Wait(Duration.ofSeconds(90), "agent " + NAME + " to come online");
        while (!online()) {
            wait.pause(Duration.ofSeconds(1));
        }
    }

    /**
     * Ends the agent JVM at once, as a crash or a lost network would (whichever process runs it: it halts itself
     * through its own script console); Jenkins sees the channel close.
     */
    void stop() throws IOException, InterruptedException {
        try {
            jenkins.postForm("/computer/" + NAME + "/scriptText", "script", "Runtime.getRuntime().halt(1)");
        } catch (IOException e) {
            // The reply may never come: the agent is gone before it answers.
        }
        if (process != null) {
            process.waitFor();
            process = null;
        }
        Wait wait = new Wait(Duration.ofSeconds(60), "agent " + NAME + " to be seen offline");
        while (online()) {
            wait.pause(Duration.ofMillis(500));
        }
    }
}
