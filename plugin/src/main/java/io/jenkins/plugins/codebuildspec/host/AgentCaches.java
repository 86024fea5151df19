package io.jenkins.plugins.codebuildspec.host;

import dev.codebuildspec.run.CacheJob;
import dev.codebuildspec.run.CacheKeeper;
import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * The local cache of a Jenkins build, kept on the agent that holds the workspace (under the agent's root,
 * per job): each restore or save runs there, as the CLI runs it, with that agent's disk and docker.
 */
final class AgentCaches implements CacheKeeper {
    /** The folder under the agent's root that holds every job's cache. */
    static final String FOLDER = "codebuild-spec-cache";

    private final FilePath workspace;

    AgentCaches(FilePath workspace) {
        this.workspace = workspace;
    }

    @Override
    public List<String> restore(CacheJob job) throws IOException, InterruptedException {
        return workspace.act(new CacheRun(job, true));
    }

    @Override
    public List<String> save(CacheJob job) throws IOException, InterruptedException {
        return workspace.act(new CacheRun(job, false));
    }

    private static final class CacheRun extends MasterToSlaveFileCallable<ArrayList<String>> {
        private static final long serialVersionUID = 1L;
        private final CacheJob job;
        private final boolean restore;

        CacheRun(CacheJob job, boolean restore) {
            this.job = job;
            this.restore = restore;
        }

        @Override
        public ArrayList<String> invoke(File workspace, VirtualChannel channel) throws InterruptedException {
            return new ArrayList<>(restore ? job.restoreHere() : job.saveHere());
        }
    }
}
