package io.jenkins.plugins.codebuildspec.host;

import io.jenkins.plugins.codebuildspec.actions.ReportSummary;

import dev.codebuildspec.parse.BuildspecText;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.replay.ReplayCommand;
import dev.codebuildspec.batch.BatchMachine;
import dev.codebuildspec.batch.BatchResult;
import dev.codebuildspec.run.BuildMachine;
import dev.codebuildspec.run.PolledBuild;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildResult;
import dev.codebuildspec.run.BuildState;
import dev.codebuildspec.runtime.RuntimesFile;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.ui.RuntimesConfiguration;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Node;
import hudson.model.Run;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.codebuildspec.actions.BuildResultAction;
import io.jenkins.plugins.codebuildspec.credentials.CredentialsSecretSource;
import io.jenkins.plugins.codebuildspec.credentials.ResolvedCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.credentialsbinding.MultiBinding;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.credentialsbinding.masking.SecretPatterns;
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
    /** What the reproduce line calls an inline buildspec, which the result page offers under this name. */
    static final String INLINE_FILE = "codebuild-spec-inline.yml";
    static final String GLOBAL_RUNTIMES_FILE = "codebuild-spec-runtimes.yml";
    /** What CODEBUILD_BUILD_IMAGE says of a build without a container. */
    static final String NO_IMAGE = "none (noContainer)";

    private final BuildSettings settings;
    private final String flowNodeId;
    private String node;
    private String remote;
    private String docker;
    private String buildspecText;
    private String buildspecProblem;
    private String runtimesName;
    private String runtimesText;
    private String runtimesProblem;
    private String reproduce;
    private String reproduceHint;
    private int agentUid = -1;
    private int agentGid = -1;
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
        return remote;
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
        remote = c.workspace().getRemote();
        // A new job's first build has no workspace yet (no checkout made it), and every process starts in it.
        c.workspace().mkdirs();
        docker = DockerTool.getExecutable(settings.toolName, c.node(), c.listener(), c.env());
        BuildspecText read = settings.inline != null ? null : AgentFiles.read(c.workspace(), settings.buildspec);
        if (read != null) {
            buildspecText = read.text().orElse(null);
            buildspecProblem = read.problem().orElse(null);
        } else {
            buildspecText = settings.inline;
        }
        runtimes(c);
        c.userIds().ifPresent(ids -> {
            agentUid = ids[0];
            agentGid = ids[1];
        });
        WorkspaceList.tempDir(c.workspace()).mkdirs();
        return machine(c, false);
    }

    /** The machine again after a controller restart (or an agent that reconnected), from the saved state. */
    public PolledBuild resume(AgentContext c) throws IOException, InterruptedException {
        return machine(c, true);
    }

    /** The step's runtimes file (read on the agent, as the buildspec is), else the global one, else none. */
    private void runtimes(AgentContext c) throws IOException, InterruptedException {
        if (settings.runtimes != null) {
            BuildspecText read = AgentFiles.read(c.workspace(), settings.runtimes);
            runtimesName = settings.runtimes;
            runtimesText = read.text().orElse(null);
            runtimesProblem = read.problem().orElse(null);
            return;
        }
        RuntimesConfiguration global = RuntimesConfiguration.get();
        if (global != null && global.getRuntimes() != null) {
            runtimesName = "the global runtimes file";
            runtimesText = global.getRuntimes();
        }
    }

    private PolledBuild machine(AgentContext c, boolean resuming) throws IOException, InterruptedException {
        Optional<PhaseContext> refusal = Optional.empty();
        Optional<RuntimesFile> runtimesFile = Optional.empty();
        if (runtimesProblem != null) {
            refusal = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR,
                    Messages.JenkinsBuild_BadRuntimes(runtimesName, runtimesProblem)));
        } else if (runtimesText != null) {
            try {
                runtimesFile = Optional.of(RuntimesFile.parse(runtimesText, runtimesName));
            } catch (RuntimesFile.Invalid e) {
                refusal = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR,
                        Messages.JenkinsBuild_BadRuntimes(runtimesName, e.getMessage())));
            }
        }
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
        CredentialsSecretSource source = new CredentialsSecretSource(c.run());
        host = new JenkinsHost(c, settings, docker, WorkspaceList.tempDir(c.workspace()).getRemote(), source::report,
                refusal, flowNodeId);
        BuildRequest request = request(c, credentials, source, runtimesFile);
        OutputStream console = console(c, credentials);
        if (!resuming) {
            printReproduce(request, console);
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

    private BuildRequest request(AgentContext c, ResolvedCredentials credentials, CredentialsSecretSource source,
            Optional<RuntimesFile> runtimesFile) {
        Map<String, String> plain = new LinkedHashMap<>(settings.env);
        plain.putAll(credentials.plainVariables);
        Map<String, byte[]> files = new LinkedHashMap<>();
        credentials.files.forEach(f -> files.put(f.path(), f.content()));
        Optional<String> commit = Optional.ofNullable(c.env() == null ? null : c.env().get("GIT_COMMIT"));
        BuildRequest.Builder b = BuildRequest.builder(Path.of(c.workspace().getRemote()),
                settings.noContainer ? NO_IMAGE : settings.image)
                .environment(plain, credentials.secretVariables)
                .secretSource(source)
                .timeout(Duration.ofMinutes(settings.timeoutMinutes))
                .identity(project(c.run()), c.run().getNumber(), "jenkins")
                .sourceVersion(commit, commit)
                .owner(Owners.of(Jenkins.get().getLegacyInstanceId(), c.run().getExternalizableId()),
                        agentUid < 0 ? OptionalInt.empty() : OptionalInt.of(agentUid),
                        agentGid < 0 ? OptionalInt.empty() : OptionalInt.of(agentGid))
                .privileged(settings.privileged)
                .cacheDir(cacheDir(c))
                .secretFiles(files)
                .runtimesFile(runtimesFile)
                .driverAsOwner(!settings.runAsRoot && !settings.noContainer)
                .noContainer(settings.noContainer);
        return buildspecText != null ? b.inlineBuildspec(settings.label(), buildspecText).build()
                : b.unreadableBuildspec(settings.buildspec, buildspecProblem).build();
    }

    /**
     * The CLI line that reproduces this build, near the top of the log (and on the result page): the same
     * image, buildspec, plain variables and options; secrets by name only.
     */
    private void printReproduce(BuildRequest request, OutputStream console) throws IOException {
        Optional<String> runtimes = settings.runtimes != null ? Optional.of(settings.runtimes)
                : Optional.ofNullable(runtimesText).map(t -> GLOBAL_RUNTIMES_FILE);
        ReplayCommand command = new ReplayCommand(request, settings.inline != null ? INLINE_FILE : settings.buildspec,
                runtimes, settings.batch);
        reproduce = command.line();
        reproduceHint = command.hint().orElse(null);
        StringBuilder text = new StringBuilder(Messages.JenkinsBuild_Reproduce(reproduce)).append('\n');
        if (reproduceHint != null) {
            text.append("  ").append(reproduceHint).append('\n');
        }
        if (settings.inline != null) {
            text.append("  ").append(Messages.JenkinsBuild_InlineDownload(INLINE_FILE)).append('\n');
        }
        console.write(text.toString().getBytes(StandardCharsets.UTF_8));
        console.flush();
    }

    /**
     * The agent's cache folder ({@code <agent root>/codebuild-spec-cache}; the store keeps a folder per job in
     * it). None without a container: the phases may run in a pod's container the agent's disk is not in.
     */
    private Optional<Path> cacheDir(AgentContext c) {
        Node node = c.node();
        FilePath root = node == null ? null : node.getRootPath();
        return settings.noContainer || root == null ? Optional.empty()
                : Optional.of(Path.of(root.child(AgentCaches.FOLDER).getRemote()));
    }

    /** credentials-binding's masking of the bound values, besides the engine's own. */
    private static OutputStream console(AgentContext c, ResolvedCredentials credentials) {
        List<String> values = credentials.secretVariables.values().stream().filter(v -> !v.isEmpty()).toList();
        OutputStream out = c.listener().getLogger();
        if (values.isEmpty()) {
            return out;
        }
        Pattern pattern = SecretPatterns.getAggregateSecretPattern(values);
        return new SecretPatterns.MaskingOutputStream(out, () -> pattern, StandardCharsets.UTF_8.name());
    }

    /**
     * Completes the build (or batch) and adds its result page to the run; what bindings wrote on the agent is
     * deleted first.
     */
    public BuildResultAction finish(AgentContext c, PolledBuild machine) throws InterruptedException {
        BuildResultAction action;
        if (machine instanceof BatchMachine b) {
            BatchResult result = b.complete();
            unbind(c);
            action = BuildResultAction.batch(settings.label(), "batch:" + batch.id(), result, batch.keep(c, result));
        } else {
            BuildResult result = ((BuildMachine) machine).complete();
            unbind(c);
            action = new BuildResultAction(settings.label(), result.record().id(), result.status(),
                    result.record().phases(), result.record().exportedVariables(),
                    host == null ? List.of() : host.agentOutputs().published());
            AgentFiles.keepRecord(c, result);
        }
        action.reproduce(reproduce, reproduceHint, settings.inline, settings.inline != null ? INLINE_FILE : null);
        c.run().addAction(action);
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

    private static String project(Run<?, ?> run) {
        Item job = run.getParent();
        return job.getFullName().replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
