package io.jenkins.plugins.codebuildspec.host;

import dev.codebuildspec.driver.DetachedDriverScript;
import dev.codebuildspec.run.DriverHost;
import dev.codebuildspec.run.DriverPoll;
import dev.codebuildspec.run.DriverStart;
import dev.codebuildspec.run.DriverTask;
import hudson.EnvVars;
import hudson.Launcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.durabletask.BourneShellScript;
import org.jenkinsci.plugins.durabletask.Controller;

/**
 * The driver as a durable task inside the build container: it keeps running while the controller is
 * away, and its {@link Controller} (a serializable handle with the log offset) finds it again. The
 * task's wrapper, log and heartbeat run in the container through {@link DockerExecDecorator}; the
 * script masks secret values in the container, before the log reaches the agent's disk.
 */
final class DurableDriverHost implements DriverHost {
    private final AgentContext context;
    /** The docker client; null when the build has no container and the task runs through the step's own launcher. */
    private final String docker;

    DurableDriverHost(AgentContext context, String docker) {
        this.context = context;
        this.docker = docker;
    }

    @Override
    public DriverTask start(DriverStart start, OutputStream out) throws IOException, InterruptedException {
        boolean masking = !start.maskForms().isEmpty();
        String script = DetachedDriverScript.script(start.script(), start.shell(), start.marker(), masking,
                start.stateDir());
        EnvVars env = new EnvVars();
        env.putAll(start.secrets());
        env.putAll(DetachedDriverScript.maskVariables(start.maskForms()));
        Launcher inContainer = docker == null ? context.launcher() : new DockerExecDecorator(docker, start.containerId(),
                start.user().orElse("0"), new ArrayList<>(env.keySet())).decorate(context.launcher(), context.node());
        Controller controller = new BourneShellScript(script).launch(env, context.workspace(), inContainer,
                context.listener());
        return new Task(new Saved(controller, start.containerId()), out);
    }

    @Override
    public Optional<DriverTask> reattach(Serializable saved, OutputStream out) {
        return saved instanceof Saved s ? Optional.of(new Task(s, out)) : Optional.empty();
    }

    /** The durable task's handle and the container it runs in. A plain class: Pipeline's marshalling predates records. */
    static final class Saved implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Controller controller;
        private final String containerId;

        Saved(Controller controller, String containerId) {
            this.controller = controller;
            this.containerId = containerId;
        }
    }

    private final class Task implements DriverTask {
        private final Saved saved;
        private final OutputStream out;

        Task(Saved saved, OutputStream out) {
            this.saved = saved;
            this.out = out;
        }

        /** Whatever durable-task runs to check on its wrapper must run where the wrapper runs: in the container. */
        private Launcher inContainer() {
            return docker == null ? context.launcher()
                    : new DockerExecDecorator(docker, saved.containerId, "0", List.of()).decorate(context.launcher(),
                            context.node());
        }

        @Override
        public DriverPoll poll() throws IOException, InterruptedException {
            boolean output = saved.controller.writeLog(context.workspace(), out);
            Integer exit = saved.controller.exitStatus(context.workspace(), inContainer(), context.listener());
            if (exit == null) {
                return DriverPoll.running(output);
            }
            while (saved.controller.writeLog(context.workspace(), out)) {
                output = true; // what the task wrote before it ended
            }
            return DriverPoll.ended(exit);
        }

        @Override
        public void await(Duration max) throws InterruptedException {
            Thread.sleep(max.toMillis());
        }

        @Override
        public void kill() throws IOException, InterruptedException {
            saved.controller.stop(context.workspace(), inContainer());
        }

        @Override
        public void release() {
            try {
                saved.controller.cleanup(context.workspace());
            } catch (IOException e) {
                // A leftover control directory in ws@tmp; harmless.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Serializable saved() {
            return saved;
        }
    }
}
