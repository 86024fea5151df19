package io.jenkins.plugins.codebuildspec.host;

import dev.codebuildspec.batch.BatchMachine;
import dev.codebuildspec.batch.BatchPlan;
import dev.codebuildspec.batch.BatchRecordJson;
import dev.codebuildspec.batch.BatchResult;
import dev.codebuildspec.batch.BatchState;
import dev.codebuildspec.batch.ChildBuild;
import dev.codebuildspec.batch.ChildHosts;
import dev.codebuildspec.batch.PrefixingOutputStream;
import dev.codebuildspec.batch.SourceCopy;
import dev.codebuildspec.batch.TeeOutputStream;
import dev.codebuildspec.log.KeepOpenOutputStream;
import dev.codebuildspec.parse.BuildspecText;
import dev.codebuildspec.run.BuildHost;
import dev.codebuildspec.run.BuildRequest;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import hudson.slaves.WorkspaceList;
import io.jenkins.plugins.codebuildspec.Messages;
import io.jenkins.plugins.codebuildspec.actions.BatchChildRow;
import io.jenkins.plugins.codebuildspec.actions.ReportSummary;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jenkins.MasterToSlaveFileCallable;
import jenkins.security.MasterToSlaveCallable;

/**
 * A batch build in a Jenkins build: the engine's {@link BatchMachine}, each child on a {@link JenkinsHost} of its
 * own over a private copy of the workspace, made on the agent under the workspace's {@code @tmp}; each child's lines
 * prefixed on the console and its whole log kept with the build ({@code codebuild-spec/<batch>/<identifier>.log}).
 * Serializable: it keeps the engine's secret-free {@link BatchState}; the plan is made again from the buildspec.
 */
final class JenkinsBatch implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String COPIES = "codebuild-spec-batch-";

    private final String batchId = UUID.randomUUID().toString();
    /** At most this many children at once; null: the agent's cores. */
    private final Integer parallel;
    private int parallelism;
    private BatchState state;
    private transient Map<String, JenkinsHost> hosts;

    JenkinsBatch(Integer parallel) {
        this.parallel = parallel;
    }

    String id() {
        return batchId;
    }

    int changes() {
        return state == null ? -1 : state.changes();
    }

    /** A new batch machine, or the running one again after a restart; fails the step when there is no batch to run. */
    BatchMachine machine(BuildRequest request, JenkinsHost parent, AgentContext c, OutputStream console, boolean resuming)
            throws IOException, InterruptedException {
        PrintStream out = new PrintStream(new KeepOpenOutputStream(console), true, StandardCharsets.UTF_8);
        Optional<BatchPlan> plan = BatchPlan.of(request, resuming ? new PrintStream(OutputStream.nullOutputStream()) : out);
        if (plan.isEmpty()) {
            throw new AbortException(Messages.JenkinsBatch_NoBatch());
        }
        hosts = new LinkedHashMap<>();
        ChildHosts children = new AgentChildHosts(c, parent, console);
        if (resuming) {
            return BatchMachine.resume(request, plan.get(), parallelism, children, state, console, Clock.systemUTC());
        }
        parallelism = parallel != null && parallel > 0 ? parallel : c.workspace().act(new Cores());
        // The workspace is this build's alone while it runs: copies left here are from builds that ended.
        for (FilePath old : WorkspaceList.tempDir(c.workspace()).list(COPIES + "*")) {
            old.deleteRecursive();
        }
        BatchMachine m = BatchMachine.start(request, plan.get(), parallelism, children, console, Clock.systemUTC());
        state = m.state();
        return m;
    }

    /**
     * The same batch on a host that answers nothing (its agent stayed away): each child can still end FAULT
     * through FINALIZING; the source copies stay for the next batch in that workspace to clear.
     */
    BatchMachine abandoned(BuildRequest request, BuildHost away, Run<?, ?> run, OutputStream console)
            throws IOException, InterruptedException {
        Optional<BatchPlan> plan = BatchPlan.of(request, new PrintStream(OutputStream.nullOutputStream()));
        if (plan.isEmpty() || state == null) {
            throw new AbortException(Messages.JenkinsBatch_NoBatch());
        }
        hosts = new LinkedHashMap<>();
        ChildHosts children = new ChildHosts() {
            @Override
            public Path copySource(ChildBuild child) throws IOException {
                throw new IOException("the agent is not connected");
            }

            @Override
            public void deleteSource(Path copy) {
                // Out of reach; cleared by the next batch in that workspace.
            }

            @Override
            public BuildHost host(ChildBuild child, Path source) {
                return away;
            }

            @Override
            public OutputStream log(ChildBuild child, boolean again) throws IOException {
                return childLog(run, console, child);
            }
        };
        return BatchMachine.resume(request, plan.get(), parallelism, children, state, console, Clock.systemUTC());
    }

    /** A child's console lines, prefixed, and its whole log with the build; always appended to (a restart goes on). */
    private OutputStream childLog(Run<?, ?> run, OutputStream console, ChildBuild child) throws IOException {
        Path file = BatchChildRow.logFile(run.getRootDir(), batchId, child.identifier());
        Files.createDirectories(file.getParent());
        return new TeeOutputStream(new PrefixingOutputStream(console, child.identifier()),
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /**
     * The batch record, kept with the build as the CLI writes it, and the children's report summaries; the source
     * copies are removed from the agent ({@code c}; null when it is away).
     */
    List<ReportSummary> keep(Run<?, ?> run, TaskListener listener, AgentContext c, BatchResult result)
            throws InterruptedException {
        AgentFiles.keepRecord(run, listener, "batch-" + batchId, BatchRecordJson.write(result));
        if (c == null) {
            return List.of();
        }
        try {
            FilePath copies = WorkspaceList.tempDir(c.workspace()).child(COPIES + batchId);
            copies.deleteRecursive();
        } catch (IOException e) {
            c.listener().getLogger().println("Warning: the batch's source copies could not be removed: " + e.getMessage());
        }
        List<ReportSummary> reports = new ArrayList<>();
        if (hosts != null) {
            hosts.values().forEach(h -> reports.addAll(h.agentOutputs().published()));
        }
        return reports;
    }

    private final class AgentChildHosts implements ChildHosts {
        private final AgentContext context;
        private final JenkinsHost parent;
        private final OutputStream console;

        AgentChildHosts(AgentContext context, JenkinsHost parent, OutputStream console) {
            this.context = context;
            this.parent = parent;
            this.console = console;
        }

        private FilePath on(Path path) {
            return new FilePath(context.workspace().getChannel(), path.toString());
        }

        @Override
        public Path copySource(ChildBuild child) throws IOException, InterruptedException {
            FilePath copy = WorkspaceList.tempDir(context.workspace()).child(COPIES + batchId).child(child.identifier());
            context.workspace().act(new CopySource(copy.getRemote()));
            WorkspaceList.tempDir(copy).mkdirs(); // the child's durable-task control directory
            return Path.of(copy.getRemote());
        }

        /** A child's own buildspec, read on the agent from its source copy, within it. */
        @Override
        public Optional<BuildspecText> buildspec(Path source, String path) throws IOException, InterruptedException {
            return Optional.of(AgentFiles.read(on(source), path));
        }

        @Override
        public void deleteSource(Path copy) throws IOException, InterruptedException {
            on(copy).deleteRecursive();
            WorkspaceList.tempDir(on(copy)).deleteRecursive();
        }

        @Override
        public BuildHost host(ChildBuild child, Path source) {
            AgentContext c = new AgentContext(context.run(), on(source), context.launcher(), context.listener(),
                    context.env());
            JenkinsHost host = parent.forChild(c, child.identifier());
            hosts.put(child.identifier(), host);
            return host;
        }

        @Override
        public OutputStream log(ChildBuild child, boolean again) throws IOException {
            return childLog(context.run(), console, child);
        }
    }

    /** The agent's cores: the default bound on children at once, as the CLI's default is its machine's. */
    private static final class Cores extends MasterToSlaveCallable<Integer, RuntimeException> {
        private static final long serialVersionUID = 1L;

        @Override
        public Integer call() {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** A child's private copy of the workspace, made on the agent (links copied as links). */
    private static final class CopySource extends MasterToSlaveFileCallable<Void> {
        private static final long serialVersionUID = 1L;
        private final String to;

        CopySource(String to) {
            this.to = to;
        }

        @Override
        public Void invoke(File workspace, VirtualChannel channel) throws IOException {
            SourceCopy.copy(workspace.toPath(), Path.of(to));
            return null;
        }
    }
}
