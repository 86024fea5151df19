package io.jenkins.plugins.codebuildspec.host;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import dev.codebuildspec.docker.ProcessLauncher;
import dev.codebuildspec.docker.ProcessRequest;
import dev.codebuildspec.docker.RunningProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's way to Docker on a Jenkins agent: every process starts through the build's
 * {@link Launcher}, so it runs on the agent that holds the workspace. The request's environment
 * goes to the process's environment only; Jenkins expands {@code $NAME} in launch variables, so
 * each {@code $} is doubled (as durable-task does) and the value arrives literally.
 */
public final class JenkinsProcessLauncher implements ProcessLauncher {
    private final Launcher launcher;
    private final FilePath pwd;
    private final Map<String, String> baseEnvironment;

    public JenkinsProcessLauncher(Launcher launcher, FilePath pwd, Map<String, String> baseEnvironment) {
        this.launcher = launcher;
        this.pwd = pwd;
        this.baseEnvironment = Map.copyOf(baseEnvironment);
    }

    @Override
    public RunningProcess start(ProcessRequest request) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        baseEnvironment.forEach((k, v) -> env.put(k, escape(v)));
        request.environment().forEach((k, v) -> env.put(k, escape(v)));
        Launcher.ProcStarter starter = launcher.launch()
                .cmds(request.command())
                .envs(env)
                .stdin(request.stdin())
                .stdout(request.stdout())
                .stderr(request.stderr())
                .quiet(true);
        if (pwd != null) {
            starter.pwd(pwd);
        }
        return new JenkinsProcess(starter.start());
    }

    static String escape(String value) {
        return value.replace("$", "$$");
    }

    /**
     * A process started through the launcher. Its end is noticed at once (a thread joins it), not at the next
     * poll: a build makes several short docker calls before its driver starts, and each poll would add to it.
     */
    private static final class JenkinsProcess implements RunningProcess {
        private final Proc proc;
        private final CompletableFuture<Integer> exit = new CompletableFuture<>();

        JenkinsProcess(Proc proc) {
            this.proc = proc;
            Thread joiner = new Thread(() -> {
                try {
                    exit.complete(proc.join());
                } catch (IOException e) {
                    // The channel to the agent went away: the process is out of reach.
                    exit.complete(-1);
                } catch (InterruptedException e) {
                    exit.complete(-1);
                }
            }, "codebuild-spec process joiner");
            joiner.setDaemon(true);
            joiner.start();
        }

        @Override
        public OptionalInt waitFor(Duration timeout) throws InterruptedException {
            try {
                return OptionalInt.of(exit.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return OptionalInt.empty();
            } catch (ExecutionException e) {
                return OptionalInt.of(-1);
            }
        }

        @Override
        public void kill() {
            try {
                proc.kill();
            } catch (IOException e) {
                // Already gone, or the agent is unreachable: nothing left to kill from here.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
