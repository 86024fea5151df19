package io.jenkins.plugins.codebuildspec.host;

import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.ProcessLauncher;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.run.BuildHost;
import dev.codebuildspec.run.BuildOutputs;
import dev.codebuildspec.run.CacheKeeper;
import dev.codebuildspec.run.DriverHost;
import dev.codebuildspec.run.PollPacing;
import hudson.slaves.WorkspaceList;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.docker.commons.credentials.DockerRegistryEndpoint;
import org.jenkinsci.plugins.docker.commons.credentials.KeyMaterial;
import org.jenkinsci.plugins.docker.commons.credentials.KeyMaterialFactory;

/**
 * The engine's host on a Jenkins agent: Docker through the build's launcher, the driver as a durable task,
 * outputs through the artifact manager and the junit plugin, registry logins through docker-commons.
 */
final class JenkinsHost implements BuildHost {
    /** Poll promptly while output arrives, back off to 5 s while it does not (as durable-task does). */
    private static final PollPacing PACING = new PollPacing(Duration.ofMillis(250), Duration.ofSeconds(5));

    private final AgentContext context;
    private final BuildSettings settings;
    private final String docker;
    private final String controlDir;
    private final Supplier<List<String>> notes;
    private final Optional<PhaseContext> refusal;
    private final String flowNodeId;
    private final AgentOutputs outputs;

    JenkinsHost(AgentContext context, BuildSettings settings, String docker, String controlDir, Supplier<List<String>> notes,
            Optional<PhaseContext> refusal, String flowNodeId) {
        this(context, settings, docker, controlDir, notes, refusal, flowNodeId, "");
    }

    private JenkinsHost(AgentContext context, BuildSettings settings, String docker, String controlDir,
            Supplier<List<String>> notes, Optional<PhaseContext> refusal, String flowNodeId, String archivePrefix) {
        this.context = context;
        this.settings = settings;
        this.docker = docker;
        this.controlDir = controlDir;
        this.notes = notes;
        this.refusal = refusal;
        this.flowNodeId = flowNodeId;
        this.outputs = new AgentOutputs(context, flowNodeId, archivePrefix);
    }

    /**
     * The host of one child of a batch: the same agent, Docker and credentials, over the child's source copy
     * ({@code child.workspace()}), with its own durable-task control directory, its artifacts under
     * {@code <identifier>/}.
     */
    JenkinsHost forChild(AgentContext child, String identifier) {
        return new JenkinsHost(child, settings, docker, WorkspaceList.tempDir(child.workspace()).getRemote(), notes,
                refusal, flowNodeId, identifier + "/");
    }

    @Override
    public DockerCli docker() {
        return docker(Map.of());
    }

    private DockerCli docker(Map<String, String> env) {
        return new DockerCli(new JenkinsProcessLauncher(context.launcher(), context.workspace(), env), docker);
    }

    @Override
    public ProcessLauncher processes() {
        return new JenkinsProcessLauncher(context.launcher(), context.workspace(), Map.of());
    }

    /** Without a container, the durable task runs through the step's own launcher (container('x'), inside, an agent). */
    @Override
    public DriverHost driver() {
        return new DurableDriverHost(context, settings.noContainer ? null : docker);
    }

    @Override
    public BuildOutputs outputs() {
        return outputs;
    }

    AgentOutputs agentOutputs() {
        return outputs;
    }

    @Override
    public Predicate<String> ownerGone() {
        String instance = Jenkins.get().getLegacyInstanceId();
        return owner -> LeftoverContainerReaper.isGone(owner, instance);
    }

    /** A registry login (docker-commons key material) lives only as long as the pull. */
    @Override
    public void pull(String image) throws DockerException, InterruptedException {
        if (settings.registryCredentialsId == null && settings.registryUrl == null) {
            docker().pull(image);
            return;
        }
        KeyMaterial key = KeyMaterial.NULL;
        try {
            DockerRegistryEndpoint registry = new DockerRegistryEndpoint(settings.registryUrl, settings.registryCredentialsId);
            KeyMaterialFactory factory = registry.newKeyMaterialFactory(context.run(), context.workspace(),
                    context.launcher(), context.env(), context.listener(), docker);
            key = factory.materialize();
            Map<String, String> env = new LinkedHashMap<>();
            key.env().forEach(env::put);
            docker(env).pull(image);
        } catch (IOException e) {
            throw new DockerException("cannot log in to " + settings.registryUrl + ": " + e.getMessage(), e);
        } finally {
            try {
                key.close();
            } catch (IOException e) {
                // A temporary docker config left on the agent; docker-commons deletes it at exit too.
            }
        }
    }

    /** The durable task's control directory, at the same path: its wrapper writes the log there. */
    @Override
    public List<ContainerSpec.Mount> extraMounts() {
        return List.of(new ContainerSpec.Mount(controlDir, controlDir));
    }

    @Override
    public List<String> notes() {
        return notes.get();
    }

    @Override
    public Optional<PhaseContext> refusal() {
        return refusal;
    }

    @Override
    public CacheKeeper caches() {
        return new AgentCaches(context.workspace());
    }

    @Override
    public boolean reachable() {
        return context.connected();
    }

    @Override
    public PollPacing pacing() {
        return PACING;
    }
}
