package io.jenkins.plugins.codebuildspec.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import dev.codebuildspec.run.BuildContainer;
import dev.codebuildspec.run.BuildPlan;
import dev.codebuildspec.run.BuildProgress;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildRunner;
import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.Labels;
import dev.codebuildspec.driver.DriverMarker;
import dev.codebuildspec.log.DriverOutputSplitter;
import dev.codebuildspec.log.KeepOpenOutputStream;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.mask.SecretForms;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.buildspec.PhaseName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.credentialsbinding.masking.SecretPatterns;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;
import org.jenkinsci.plugins.docker.commons.credentials.KeyMaterial;
import org.jenkinsci.plugins.docker.commons.credentials.KeyMaterialFactory;
import org.jenkinsci.plugins.docker.commons.tools.DockerTool;
import org.jenkinsci.plugins.durabletask.BourneShellScript;
import org.jenkinsci.plugins.durabletask.Controller;

/**
 * One buildspec build in Jenkins, as a state machine both the freestyle builder (synchronously)
 * and the Pipeline step (from timer callbacks, across restarts) drive:
 * {@link #prepare} (DOWNLOAD_SOURCE, no container) → {@link #provision} (pull, start, secret files)
 * → {@link #launch} (the driver as a durable task inside the container) → {@link #poll} until the
 * driver is done, timed out or stopped → {@link #complete} (UPLOAD_ARTIFACTS, reports, FINALIZING).
 *
 * <p>Serialized fields are what a restart needs: the container id, the durable task's
 * {@link Controller}, node and workspace path, the buildspec text, the driver's marker nonce and
 * the {@link ProgressJournal}. Secret values are never in a field that is serialized: they are
 * resolved again from the credentials after a restart ({@link #attach}).
 */
final class BuildSession implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How long a driver that reported DONE may keep its output open (a background process). */
    private static final long LINGER_MILLIS = 3000;

    enum Phase { NEW, RUNNING, DRIVER_OVER, COMPLETE }

    private final BuildSettings settings;
    private Phase phase = Phase.NEW;
    private String node;
    private String remote;
    private String docker;
    private String buildspecText;
    private String markerNonce;
    private String buildId;
    private String buildArn;
    private long startMillis;
    private long deadlineMillis;
    private String containerId;
    /** The container's labels and bind mounts ({@code host\ncontainer}), to rebuild its spec after a restart. */
    private LinkedHashMap<String, String> containerLabels;
    private ArrayList<String> containerMounts;
    private transient ContainerSpec containerSpec;
    private String srcDir;
    private int agentUid = -1;
    private int agentGid = -1;
    private Controller controller;
    private long doneSeenAt;
    private boolean stopRequested;
    private final Map<String, String> secretFilePaths = new LinkedHashMap<>();
    private final ProgressJournal journal = new ProgressJournal();

    private transient BuildPlan plan;
    private transient BuildProgress progress;
    private transient LogSink log;
    private transient SettableClock clock;
    private transient OutputStream console;
    private transient DriverOutputSplitter splitter;
    private transient ResolvedCredentials credentials;
    private transient Set<String> maskValues;

    BuildSession(BuildSettings settings) {
        this.settings = settings;
    }

    /** What the step and the builder need from the build that runs this session. */
    record Context(Run<?, ?> run, FilePath workspace, Launcher launcher, TaskListener listener, EnvVars env) {
    }

    Phase phase() {
        return phase;
    }

    String node() {
        return node;
    }

    String remote() {
        return remote;
    }

    // ------------------------------------------------------------------------------------------------
    // DOWNLOAD_SOURCE

    /** Returns false when the build ended here (bad buildspec, missing credential): no container. */
    synchronized boolean prepare(Context c) throws IOException, InterruptedException {
        node = nodeName(c.workspace());
        remote = c.workspace().getRemote();
        startMillis = System.currentTimeMillis();
        deadlineMillis = startMillis + Duration.ofMinutes(settings.timeoutMinutes).toMillis();
        String problem = null;
        try {
            buildspecText = readBuildspec(c.workspace());
        } catch (AbortException e) {
            problem = e.getMessage();
            buildspecText = "";
        }
        try {
            credentials = ResolvedCredentials.resolve(c.run(), settings.credentials, secretFilePaths);
        } catch (AbortException e) {
            credentials = new ResolvedCredentials();
            problem = problem == null ? e.getMessage() : problem;
        }
        CredentialsSecretSource source = new CredentialsSecretSource(c.run());
        plan = BuildPlan.prepare(request(c, source), Instant.ofEpochMilli(startMillis));
        buildId = plan.builtIns().buildId();
        buildArn = plan.builtIns().buildArn();
        markerNonce = plan.marker().nonce();
        srcDir = plan.srcDir();
        open(c, false);
        begin(PhaseType.DOWNLOAD_SOURCE);
        log.agent("CODEBUILD_SRC_DIR=" + plan.srcDir());
        log.agent("YAML location is " + (settings.inline != null ? settings.label() : c.workspace().child(settings.buildspec).getRemote()));
        plan.diagnostics().forEach(d -> log.agent(d.toString()));
        source.report().forEach(log::agent);
        Optional<PhaseContext> failure = problem != null
                ? Optional.of(new PhaseContext(problem.startsWith("YAML") ? PhaseContext.YAML_FILE_ERROR : PhaseContext.CLIENT_ERROR,
                        mask(problem)))
                : plan.failure();
        if (failure.isPresent()) {
            end(PhaseType.DOWNLOAD_SOURCE, Status.FAILED, failure);
            return false;
        }
        log.agent("Processing environment variables");
        log.agent("Phases found in YAML: " + plan.spec().phases().size());
        plan.spec().phases().keySet().forEach(p -> log.agent(" " + p + ": " + plan.commands().count(p) + " commands"));
        if (plan.spec().cache().isPresent()) {
            log.agent("Skip cache due to: the Jenkins plugin keeps no local cache");
        }
        if (plan.spec().batch().isPresent()) {
            log.agent("Ignoring the batch section: this is not a batch build");
        }
        if (plan.spec().phase(PhaseName.INSTALL).map(p -> !p.runtimeVersions().isEmpty()).orElse(false)) {
            // Said, never silent: the selection runs in the engine's phase machine, which this host does not use yet.
            log.agent("Skipping install of runtimes. Runtime version selection is not run by the Jenkins plugin yet "
                    + "(the codebuild-spec CLI runs it)");
        }
        return true;
    }

    private String readBuildspec(FilePath ws) throws IOException, InterruptedException {
        if (settings.inline != null) {
            return settings.inline;
        }
        FilePath file = ws.child(settings.buildspec);
        if (!file.exists()) {
            throw new AbortException("YAML_FILE_ERROR: buildspec file " + settings.buildspec + " not found in the workspace");
        }
        return file.readToString();
    }

    private BuildRequest request(Context c, CredentialsSecretSource source) {
        Map<String, String> plain = new LinkedHashMap<>(settings.env);
        plain.putAll(credentials.plainVariables);
        if (!settings.runAsRoot) {
            plain.putIfAbsent("HOME", BuildContainer.TMP + "/home");
        }
        Optional<String> commit = Optional.ofNullable(c.env() == null ? null : c.env().get("GIT_COMMIT"));
        return BuildRequest.builder(Path.of(c.workspace().getRemote()), settings.image)
                .inlineBuildspec(settings.label(), buildspecText)
                .environment(plain, credentials.secretVariables)
                .secretSource(source)
                .timeout(Duration.ofMinutes(settings.timeoutMinutes))
                .identity(project(c.run()), c.run().getNumber(), "jenkins")
                .sourceVersion(commit, commit)
                .owner(Owners.of(Jenkins.get().getLegacyInstanceId(), c.run().getExternalizableId()),
                        OptionalInt.empty(), OptionalInt.empty())
                .privileged(settings.privileged)
                .build();
    }

    private static String project(Run<?, ?> run) {
        Item job = run.getParent();
        return job.getFullName().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    // ------------------------------------------------------------------------------------------------
    // Container

    /** Pulls the image if needed, starts the container, copies secret files in. False on a fault. */
    synchronized boolean provision(Context c) throws IOException, InterruptedException {
        Node n = nodeOf(c.workspace());
        docker = DockerTool.getExecutable(settings.toolName, n, c.listener(), c.env());
        DockerCli cli = cli(c, Map.of());
        try {
            cli.serverVersion();
        } catch (DockerException e) {
            return fault(PhaseContext.CLIENT_ERROR, "Docker is not available on " + (node.isEmpty() ? "the built-in node" : node)
                    + ": " + e.getMessage());
        }
        identity(c);
        if (!pull(c, cli)) {
            return false;
        }
        FilePath tmp = WorkspaceList.tempDir(c.workspace());
        tmp.mkdirs();
        ContainerSpec base = BuildRunner.containerSpec(request(c, new CredentialsSecretSource(c.run())), plan);
        Map<String, String> labels = new LinkedHashMap<>(base.labels());
        labels.put(Labels.BUILD_ID, buildId);
        List<ContainerSpec.Mount> mounts = new ArrayList<>(base.mounts());
        // The durable task's control directory, at the same path: the wrapper writes its log there.
        mounts.add(new ContainerSpec.Mount(tmp.getRemote(), tmp.getRemote()));
        containerSpec = new ContainerSpec(base.image(), labels, mounts, base.tmpfs(), base.privileged());
        containerLabels = new LinkedHashMap<>(labels);
        containerMounts = new ArrayList<>();
        for (ContainerSpec.Mount m : mounts) {
            containerMounts.add(m.hostPath() + "\n" + m.containerPath());
        }
        try {
            containerId = cli.run(containerSpec);
        } catch (DockerException e) {
            return fault(PhaseContext.CLIENT_ERROR, "Cannot start the build container: " + e.getMessage());
        }
        log.agent("Started build container " + shortId());
        try {
            installSecretFiles(cli);
        } catch (DockerException e) {
            return fault(PhaseContext.CLIENT_ERROR, "Cannot copy secret files into the container: " + e.getMessage());
        }
        log.agent("Moving to directory " + plan.srcDir());
        end(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, Optional.empty());
        return true;
    }

    private void identity(Context c) throws InterruptedException {
        try {
            agentUid = Integer.parseInt(run(c, List.of("id", "-u")).trim());
            agentGid = Integer.parseInt(run(c, List.of("id", "-g")).trim());
        } catch (IOException | NumberFormatException e) {
            log.agent("Warning: cannot tell the agent's user (" + e.getMessage() + "); the workspace is not handed back");
        }
    }

    private String run(Context c, List<String> command) throws IOException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dev.codebuildspec.docker.RunningProcess p = new JenkinsProcessLauncher(c.launcher(), c.workspace(), Map.of())
                .start(new dev.codebuildspec.docker.ProcessRequest(command, Map.of(), null, out,
                        OutputStream.nullOutputStream()));
        OptionalInt status = p.waitFor(DockerCli.CONTROL_TIMEOUT);
        if (status.isEmpty() || status.getAsInt() != 0) {
            p.kill();
            throw new IOException(String.join(" ", command) + " failed");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private boolean pull(Context c, DockerCli cli) throws IOException, InterruptedException {
        try {
            if (cli.imageExists(settings.image)) {
                return true;
            }
        } catch (DockerException e) {
            return fault(PhaseContext.CLIENT_ERROR, e.getMessage());
        }
        log.agent("Pulling image " + settings.image);
        KeyMaterial key = KeyMaterial.NULL;
        try {
            if (settings.registryCredentialsId != null || settings.registryUrl != null) {
                DockerRegistryEndpoint registry = new DockerRegistryEndpoint(settings.registryUrl, settings.registryCredentialsId);
                KeyMaterialFactory factory = registry.newKeyMaterialFactory(c.run(), c.workspace(), c.launcher(), c.env(),
                        c.listener(), docker);
                key = factory.materialize();
            }
            Map<String, String> env = new LinkedHashMap<>();
            key.env().forEach(env::put);
            cli(c, env).pull(settings.image);
            return true;
        } catch (DockerException e) {
            return fault(PhaseContext.UNABLE_TO_PULL_IMAGE, "Unable to pull customer's container image " + settings.image
                    + ": " + e.getMessage());
        } finally {
            key.close();
        }
    }

    /** Secret files go through {@code docker exec}'s stdin into the tmpfs: no disk, no argv. */
    private void installSecretFiles(DockerCli cli) throws DockerException, InterruptedException {
        if (credentials.files.isEmpty() && settings.runAsRoot) {
            return;
        }
        String owner = settings.runAsRoot || agentUid < 0 ? "0:0" : agentUid + ":" + agentGid;
        List<String> prepare = List.of("sh", "-c", "umask 077 && mkdir -p " + ResolvedCredentials.SECRETS_DIR + " "
                + BuildContainer.STATE + " " + BuildContainer.TMP + "/home && chown " + owner + " "
                + ResolvedCredentials.SECRETS_DIR + " " + BuildContainer.STATE + " " + BuildContainer.TMP + "/home");
        exec(cli, prepare, new byte[0]);
        for (ResolvedCredentials.SecretFile f : credentials.files) {
            exec(cli, List.of("sh", "-c", "umask 077 && cat >" + f.path() + " && chown " + owner + " " + f.path()), f.content());
        }
    }

    private void exec(DockerCli cli, List<String> command, byte[] stdin) throws DockerException, InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dev.codebuildspec.docker.RunningProcess p = cli.exec(containerId, Map.of(), command,
                new ByteArrayInputStream(stdin), out);
        OptionalInt status = p.waitFor(DockerCli.CONTROL_TIMEOUT);
        if (status.isEmpty() || status.getAsInt() != 0) {
            p.kill();
            throw new DockerException(command.get(0) + " in the container failed: " + mask(out.toString(StandardCharsets.UTF_8)));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The driver, as a durable task in the container

    synchronized void launch(Context c) throws IOException, InterruptedException {
        boolean masking = !maskValues.isEmpty();
        String script = DurableDriver.script(plan.script(), plan.spec().env().shell(), new DriverMarker(markerNonce), masking);
        EnvVars env = new EnvVars();
        env.putAll(plan.environment().secret());
        if (masking) {
            env.putAll(DurableDriver.maskVariables(SecretForms.of(maskValues)));
        }
        String user = settings.runAsRoot || agentUid < 0 ? "0" : agentUid + ":" + agentGid;
        Launcher inContainer = new DockerExecDecorator(docker, containerId, user, new ArrayList<>(env.keySet()))
                .decorate(c.launcher(), nodeOf(c.workspace()));
        controller = new BourneShellScript(script).launch(env, c.workspace(), inContainer, c.listener());
        phase = Phase.RUNNING;
    }

    /**
     * Copies new driver output to the log and checks on the driver, the timeout and a stop.
     * Returns true when the driver part of the build is over.
     */
    synchronized boolean poll(Context c) throws IOException, InterruptedException {
        if (phase != Phase.RUNNING) {
            return true;
        }
        controller.writeLog(c.workspace(), splitter);
        log.flush();
        if (stopRequested) {
            interrupt(c, Status.STOPPED, PhaseContext.BUILD_STOPPED, "Build stopped");
            return true;
        }
        if (System.currentTimeMillis() > deadlineMillis) {
            interrupt(c, Status.TIMED_OUT, PhaseContext.BUILD_TIMED_OUT,
                    "Build timed out after " + settings.timeoutMinutes + " minute(s)");
            return true;
        }
        // Whatever durable-task runs to check on its wrapper must run where the wrapper runs: in the container.
        Launcher inContainer = new DockerExecDecorator(docker, containerId, "0", List.of()).decorate(c.launcher(),
                nodeOf(c.workspace()));
        Integer exit = controller.exitStatus(c.workspace(), inContainer, c.listener());
        if (exit != null) {
            controller.writeLog(c.workspace(), splitter);
            driverOver();
            if (!progress.driverDone()) {
                String why = exit == 127 || exit == 97 ? "The build container could not run the driver (exit " + exit + "); see above"
                        : "The build container's shell ended unexpectedly (exit " + exit + ")";
                journal.interrupt(progress, now(), Status.FAULT, new PhaseContext(PhaseContext.CLIENT_ERROR, why));
            }
            return true;
        }
        if (progress.driverDone()) {
            if (doneSeenAt == 0) {
                doneSeenAt = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - doneSeenAt > LINGER_MILLIS) {
                // A background process keeps the driver's output open; the build itself is over.
                driverOver();
                return true;
            }
        }
        return false;
    }

    synchronized void requestStop() {
        stopRequested = true;
    }

    /** Ends the running phase STOPPED and kills the container at once (abort). */
    synchronized void stopNow(Context c) throws IOException, InterruptedException {
        stopRequested = true;
        if (phase == Phase.RUNNING || phase == Phase.NEW) {
            interrupt(c, Status.STOPPED, PhaseContext.BUILD_STOPPED, "Build stopped");
        }
    }

    /** Ends the running phase FAULT after an error of ours (an agent lost, a docker call that broke). */
    synchronized void failNow(Context c, Throwable error) throws InterruptedException {
        if (phase == Phase.COMPLETE || progress == null) {
            return;
        }
        try {
            interrupt(c, Status.FAULT, PhaseContext.CLIENT_ERROR, String.valueOf(mask(error.getMessage())));
        } catch (IOException e) {
            error.addSuppressed(e);
        }
    }

    private void interrupt(Context c, Status status, String code, String message) throws IOException, InterruptedException {
        if (progress != null) {
            journal.interrupt(progress, now(), status, new PhaseContext(code, message));
        }
        if (containerId != null && docker != null) {
            try {
                cli(c, Map.of()).kill(containerId);
            } catch (DockerException e) {
                log.agent("Warning: " + e.getMessage());
            }
        }
        if (controller != null) {
            try {
                controller.writeLog(c.workspace(), splitter);
            } catch (IOException e) {
                // The log so far is what there is.
            }
        }
        driverOver();
    }

    private void driverOver() {
        if (splitter != null) {
            splitter.close();
        }
        phase = Phase.DRIVER_OVER;
    }

    // ------------------------------------------------------------------------------------------------
    // UPLOAD_ARTIFACTS, reports, FINALIZING

    /**
     * Publishes artifacts and reports, removes the container, adds the result page to the run and
     * returns it; null when it already ran.
     */
    synchronized BuildResultAction complete(Context c, ReportPublisher reports)
            throws IOException, InterruptedException {
        BuildOutputs outputs = new EngineOutputs(buildspecText, settings.label());
        if (phase == Phase.COMPLETE) {
            return null;
        }
        boolean ranDriver = controller != null;
        if (ranDriver && progress.uploadRequested() && !stopRequested) {
            begin(PhaseType.UPLOAD_ARTIFACTS);
            Status status = Status.SUCCEEDED;
            Optional<PhaseContext> context = Optional.empty();
            try {
                Map<String, String> artifacts = outputs.artifacts(progress.evaluated(), c.workspace(), line -> log.agent(line));
                if (!artifacts.isEmpty()) {
                    c.run().pickArtifactManager().archive(c.workspace(), c.launcher(),
                            jenkins.util.BuildListenerAdapter.wrap(c.listener()), artifacts);
                    log.agent("Uploaded " + artifacts.size() + " artifact file(s) to the Jenkins artifact manager");
                }
            } catch (IOException | IllegalArgumentException e) {
                status = Status.FAILED;
                context = Optional.of(new PhaseContext("CLIENT_ERROR", mask(e.getMessage())));
            }
            end(PhaseType.UPLOAD_ARTIFACTS, status, context);
        }
        List<ReportSummary> summaries = ranDriver && !stopRequested
                ? reports.publish(c, outputs, line -> log.agent(line)) : List.of();
        finalizing(c);
        if (controller != null) {
            try {
                controller.cleanup(c.workspace());
            } catch (IOException e) {
                // A leftover control directory in ws@tmp; harmless.
            }
        }
        phase = Phase.COMPLETE;
        log.flush();
        closeLog();
        BuildResultAction action = new BuildResultAction(settings.label(), buildId, progress.outcome(), progress.phases(),
                progress.exportedVariables(), summaries);
        c.run().addAction(action);
        return action;
    }

    private void finalizing(Context c) throws InterruptedException {
        begin(PhaseType.FINALIZING);
        Status status = Status.SUCCEEDED;
        Optional<PhaseContext> context = Optional.empty();
        if (containerId != null && docker != null) {
            try {
                DockerCli cli = cli(c, Map.of());
                if (settings.runAsRoot && agentUid > 0) {
                    List<String> chown = List.of("chown", "-R", agentUid + ":" + agentGid, srcDir);
                    if (cli.execAndWait(containerId, chown, Duration.ofMinutes(10)) != 0
                            && cli.runOnce(spec(), chown, Duration.ofMinutes(10)) != 0) {
                        log.agent("Warning: could not hand the workspace back to " + agentUid + ":" + agentGid);
                    }
                }
                cli.remove(containerId);
            } catch (DockerException e) {
                status = Status.FAULT;
                context = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, mask(e.getMessage())));
            }
        }
        end(PhaseType.FINALIZING, status, context);
    }

    private ContainerSpec spec() {
        if (containerSpec == null) {
            List<ContainerSpec.Mount> mounts = new ArrayList<>();
            for (String m : containerMounts) {
                int nl = m.indexOf('\n');
                mounts.add(new ContainerSpec.Mount(m.substring(0, nl), m.substring(nl + 1)));
            }
            containerSpec = new ContainerSpec(settings.image, containerLabels, mounts, List.of(BuildContainer.TMP),
                    settings.privileged);
        }
        return containerSpec;
    }

    private boolean fault(String code, String message) {
        end(PhaseType.DOWNLOAD_SOURCE, Status.FAULT, Optional.of(new PhaseContext(code, mask(message))));
        return false;
    }

    // ------------------------------------------------------------------------------------------------
    // Log, masking, restart

    /**
     * Reconnects a deserialized session after a controller restart: resolves the credentials
     * again (for masking; the running driver already has its values), re-plans the buildspec for
     * the command index, and replays the journal into a fresh progress without logging it again.
     */
    synchronized void attach(Context c) throws IOException, InterruptedException {
        if (plan != null) {
            return;
        }
        try {
            credentials = ResolvedCredentials.resolve(c.run(), settings.credentials, secretFilePaths);
        } catch (AbortException e) {
            credentials = new ResolvedCredentials();
            c.listener().getLogger().println("Warning: after the restart, " + e.getMessage()
                    + "; output of the running build may be less masked on the console");
        }
        plan = BuildPlan.prepare(request(c, new CredentialsSecretSource(c.run())), Instant.ofEpochMilli(startMillis));
        open(c, true);
    }

    private void open(Context c, boolean replay) throws IOException {
        maskValues = new HashSet<>(plan.environment().secretValues());
        maskValues.addAll(credentials.secretVariables.values());
        maskValues.remove("");
        Set<String> values = Set.copyOf(maskValues);
        OutputStream out = new KeepOpenOutputStream(c.listener().getLogger());
        if (!values.isEmpty()) {
            Pattern pattern = SecretPatterns.getAggregateSecretPattern(values);
            out = new SecretPatterns.MaskingOutputStream(out, () -> pattern, StandardCharsets.UTF_8.name());
        }
        console = plan.masker().wrap(out);
        clock = new SettableClock();
        SwitchableOutputStream target = new SwitchableOutputStream(replay ? OutputStream.nullOutputStream() : console);
        log = new LogSink(target, clock);
        progress = new BuildProgress(log, plan.commands(), plan.masker());
        if (replay) {
            journal.replay(progress, clock);
            clock.release();
            target.switchTo(console);
        }
        splitter = new DriverOutputSplitter(new DriverMarker(markerNonce == null ? plan.marker().nonce() : markerNonce), log,
                journal.recording(progress, System::currentTimeMillis, this::mask));
    }

    private void closeLog() throws IOException {
        if (console != null) {
            console.close();
        }
    }

    private String mask(String text) {
        return plan == null || text == null ? text : plan.masker().mask(text);
    }

    private void begin(PhaseType type) {
        journal.begin(progress, now(), type);
    }

    private void end(PhaseType type, Status status, Optional<PhaseContext> context) {
        journal.end(progress, now(), type, status, context.map(x -> new PhaseContext(x.statusCode(), mask(x.message()))));
    }

    private long now() {
        return clock.instant().toEpochMilli();
    }

    Status outcome() {
        return progress.outcome();
    }

    private DockerCli cli(Context c, Map<String, String> env) {
        return new DockerCli(new JenkinsProcessLauncher(c.launcher(), c.workspace(), env), docker);
    }

    private String shortId() {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    private static String nodeName(FilePath ws) {
        Computer computer = ws.toComputer();
        return computer == null ? "" : computer.getName();
    }

    private static Node nodeOf(FilePath ws) {
        Computer computer = ws.toComputer();
        // The built-in node's computer answers the Jenkins instance itself.
        return computer == null ? null : computer.getNode();
    }
}
