package io.jenkins.plugins.codebuildspec.host;

import dev.codebuildspec.batch.BatchResult;
import dev.codebuildspec.log.KeepOpenOutputStream;
import dev.codebuildspec.parse.BuildspecText;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.replay.ReproduceLine;
import dev.codebuildspec.run.BuildHost;
import dev.codebuildspec.run.BuildOutcome;
import dev.codebuildspec.run.BuildMachine;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.run.BuildState;
import dev.codebuildspec.run.PolledBuild;
import dev.codebuildspec.run.UnreachableHost;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.actions.BuildResultAction;
import io.jenkins.plugins.codebuildspec.credentials.CredentialsSecretSource;
import io.jenkins.plugins.codebuildspec.credentials.ResolvedCredentials;
import io.jenkins.plugins.codebuildspec.ui.RuntimesConfiguration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import org.jenkinsci.plugins.docker.commons.tools.DockerTool;

/**
 * One buildspec build in a Jenkins build: the engine's {@link BuildMachine} on a {@link JenkinsHost}, or with
 * {@code batch: true} its batch machine ({@link JenkinsBatch}). This class only turns Jenkins' things into the
 * engine's: the settings and credentials into a {@link BuildRequest}, the agent into a host, the machine's result
 * into a result page. Every rule of the build is the machine's. Serializable for a Pipeline step: what it keeps is
 * the engine's secret-free {@link BuildState} (or batch state) and what is needed to make the same request again
 * after a restart (never a secret value: credentials are resolved again).
 */
public final class JenkinsBuild implements Serializable {
    private static final long serialVersionUID = 1L;

    private final BuildSettings settings;
    private final String flowNodeId;
    private final RequestInputs inputs = new RequestInputs();
    private String node;
    private String docker;
    private String reproduce;
    private String reproduceHint;
    private final LinkedHashMap<String, String> secretFilePaths = new LinkedHashMap<>();
    /** What other plugins' bindings wrote on the agent, deleted when the build ends (every resolve adds its own). */
    private final ArrayList<MultiBinding.Unbinder> unbinders = new ArrayList<>();
    private BuildState state;
    /** The batch's own state, when the settings ask for a batch build. */
    private JenkinsBatch batch;
    private transient JenkinsHost host;

    /** @param flowNodeId the Pipeline step's flow node, for its test results; null for the freestyle builder */
    public JenkinsBuild(BuildSettings settings, String flowNodeId) {
        this.settings = settings;
        this.flowNodeId = flowNodeId;
    }

    public String node() {
        return node;
    }

    public String remote() {
        return inputs.workspace;
    }

    /** Grows whenever what a resume needs has changed (the step saves then); -1 before the start. */
    public int changes() {
        return batch != null ? batch.changes() : state == null ? -1 : state.changes();
    }

    /** Where the build stands, for the step's status line. */
    public String stage() {
        return batch != null ? "batch" : state == null ? "starting" : state.stage().name();
    }

    /**
     * A new machine for this build. The buildspec file is read on the agent within the parser's limit and
     * parsed once, here; the agent's user is asked once (the workspace is handed back to it).
     */
    public PolledBuild start(AgentContext c) throws IOException, InterruptedException {
        node = c.nodeName();
        inputs.workspace = c.workspace().getRemote();
        // A new job's first build has no workspace yet (no checkout made it), and every process starts in it.
        c.workspace().mkdirs();
        docker = DockerTool.getExecutable(settings.toolName, c.node(), c.listener(), c.env());
        BuildspecText read = settings.inline != null ? null : AgentFiles.read(c.workspace(), settings.buildspec);
        inputs.buildspecText = read == null ? settings.inline : read.text().orElse(null);
        inputs.buildspecProblem = read == null ? null : read.problem().orElse(null);
        runtimes(c);
        c.userIds().ifPresent(ids -> {
            inputs.agentUid = ids[0];
            inputs.agentGid = ids[1];
        });
        WorkspaceList.tempDir(c.workspace()).mkdirs();
        return machine(c, false, c.listener().getLogger());
    }

    /** The machine again after a controller restart (or an agent that reconnected), from the saved state. */
    public PolledBuild resume(AgentContext c) throws IOException, InterruptedException {
        return machine(c, true, c.listener().getLogger());
    }

    /**
     * The build from its start again, when a restart came before its driver ran (a long pull, say): what the first
     * attempt started is removed quietly first (a container it made ends through FINALIZING, unseen).
     */
    public PolledBuild startAgain(AgentContext c) throws IOException, InterruptedException {
        if (changes() >= 0) {
            PolledBuild first = machine(c, true, OutputStream.nullOutputStream());
            first.stopNow();
            first.complete();
        }
        unbind(c);
        state = null;
        batch = null;
        c.listener().getLogger().println(Messages.JenkinsBuild_StartAgain());
        return start(c);
    }

    /**
     * The machine on a host that answers nothing, for a build whose agent stayed away: it can still end the build
     * FAULT through FINALIZING and keep its record; its container is left to the reaper, for when the agent is back.
     */
    public PolledBuild abandon(Run<?, ?> run, TaskListener listener, String why) throws IOException, InterruptedException {
        BuildHost away = new UnreachableHost(why);
        BuildRequest request = inputs.request(settings, run, null, new ResolvedCredentials(),
                new CredentialsSecretSource(run, settings.allowedSecrets()), Optional.empty());
        OutputStream console = listener.getLogger();
        if (settings.batch) {
            return batch.abandoned(request, away, run, console);
        }
        return BuildMachine.resume(request, away, state, console, Clock.systemUTC());
    }

    /** The step's runtimes file (read on the agent, as the buildspec is), else the global one, else none. */
    private void runtimes(AgentContext c) throws IOException, InterruptedException {
        if (settings.runtimes != null) {
            BuildspecText read = AgentFiles.read(c.workspace(), settings.runtimes);
            inputs.runtimesName = settings.runtimes;
            inputs.runtimesText = read.text().orElse(null);
            inputs.runtimesProblem = read.problem().orElse(null);
            return;
        }
        RuntimesConfiguration global = RuntimesConfiguration.get();
        if (global != null && global.getRuntimes() != null) {
            inputs.runtimesName = "the global runtimes file";
            inputs.runtimesText = global.getRuntimes();
        }
    }

    private PolledBuild machine(AgentContext c, boolean resuming, OutputStream log) throws IOException, InterruptedException {
        Optional<PhaseContext> refusal = Optional.empty();
        ResolvedCredentials credentials;
        try {
            credentials = ResolvedCredentials.resolve(c.run(), settings.credentials(), secretFilePaths, c.workspace(),
                    c.launcher(), c.listener());
            unbinders.addAll(credentials.unbinders);
        } catch (AbortException e) {
            credentials = new ResolvedCredentials();
            refusal = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, e.getMessage()));
            if (resuming) {
                c.listener().getLogger().println("Warning: after the restart, " + e.getMessage()
                        + "; output of the running build may be less masked on the console");
            }
        }
        if (!settings.noContainer && settings.image.isBlank()) {
            refusal = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, Messages.JenkinsBuild_NoImage()));
        }
        CredentialsSecretSource source = new CredentialsSecretSource(c.run(), settings.allowedSecrets());
        host = new JenkinsHost(c, settings, docker, WorkspaceList.tempDir(c.workspace()).getRemote(), source::report,
                refusal, flowNodeId);
        BuildRequest request = inputs.request(settings, c.run(), c.env(), credentials, source, cacheDir(c));
        // One masker decides what the console shows: the engine's, whose forms include credentials-binding's.
        OutputStream console = new KeepOpenOutputStream(log);
        if (!resuming) {
            printReproduce(inputs.replay(settings, request), console);
        }
        if (settings.batch) {
            batch = resuming ? batch : new JenkinsBatch(settings.parallel);
            return batch.machine(request, host, c, console, resuming);
        }
        BuildMachine machine = resuming ? BuildMachine.resume(request, host, state, console, Clock.systemUTC())
                : BuildMachine.start(request, host, console, Clock.systemUTC());
        state = machine.state();
        return machine;
    }

    /** The CLI line that reproduces this build, near the top of the log (and on the result page). */
    private void printReproduce(ReproduceLine command, OutputStream console) throws IOException {
        reproduce = command.line();
        reproduceHint = command.hint().orElse(null);
        StringBuilder text = new StringBuilder(Messages.JenkinsBuild_Reproduce(reproduce)).append('\n');
        if (reproduceHint != null) {
            text.append("  ").append(reproduceHint).append('\n');
        }
        if (settings.inline != null) {
            text.append("  ").append(Messages.JenkinsBuild_InlineDownload(RequestInputs.INLINE_FILE)).append('\n');
        }
        console.write(text.toString().getBytes(StandardCharsets.UTF_8));
        console.flush();
    }

    /**
     * The agent's cache folder ({@code <agent root>/codebuild-spec-cache}; the store keeps a folder per job in
     * it). None without a container: the phases may run in a pod's container the agent's disk is not in.
     */
    private static Optional<Path> cacheDir(AgentContext c) {
        Node node = c.node();
        FilePath root = node == null ? null : node.getRootPath();
        return root == null ? Optional.empty() : Optional.of(Path.of(root.child(AgentCaches.FOLDER).getRemote()));
    }


    /**
     * Completes the build (or batch) and adds its result page to the run; what bindings wrote on the agent is
     * deleted first. {@code c} is null when the agent is away: nothing is done there then.
     */
    public BuildResultAction finish(Run<?, ?> run, TaskListener listener, AgentContext c, PolledBuild machine)
            throws InterruptedException {
        BuildOutcome outcome = machine.complete();
        if (c != null) {
            unbind(c);
        }
        BuildResultAction action;
        if (outcome instanceof BatchResult b) {
            action = BuildResultAction.batch(settings.label(), "batch:" + batch.id(), b,
                    batch.keep(run, listener, c, b));
        } else {
            BuildResult r = (BuildResult) outcome;
            action = new BuildResultAction(settings.label(), r.record().id(), r.status(), r.record().phases(),
                    r.record().exportedVariables(), host == null || c == null ? List.of() : host.agentOutputs().published());
            action.steps(r.record().steps());
            AgentFiles.keepRecord(run, listener, r);
        }
        action.failure(outcome.failure().orElse(null));
        action.reproduce(reproduce, reproduceHint, settings.inline, settings.inline != null ? RequestInputs.INLINE_FILE : null);
        run.addAction(action);
        return action;
    }

    /** Deletes what other plugins' bindings wrote; a failure is a warning, the build's result stands. */
    public void unbind(AgentContext c) throws InterruptedException {
        for (MultiBinding.Unbinder u : unbinders) {
            try {
                u.unbind(c.run(), c.workspace(), c.launcher(), c.listener());
            } catch (IOException e) {
                c.listener().getLogger().println("Warning: a credentials binding could not be undone: " + e.getMessage());
            }
        }
        unbinders.clear();
    }
}
