package dev.codebuildspec.run;

import dev.codebuildspec.buildspec.CacheSpec;
import dev.codebuildspec.cache.CacheStore;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.LocalProcessLauncher;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One restore or save of a build's local cache, as a value that can travel to where the cache is kept (a
 * Jenkins agent) and run there: the store on that machine's disk, the archive streamed through that
 * machine's {@code docker exec} (or shell, without a container). Holds no secret. A plain serializable class.
 */
public final class CacheJob implements Serializable {
    private static final long serialVersionUID = 1L;

    private final CacheSpec spec;
    private final String cacheDir;
    private final String project;
    private final String srcDir;
    private final LinkedHashMap<String, String> evaluated;
    private final String sandboxId;
    private final String stateDir;
    private final boolean inContainer;
    private final String docker;

    CacheJob(CacheSpec spec, String cacheDir, String project, String srcDir, Map<String, String> evaluated,
            Sandbox sandbox, String docker) {
        this.spec = spec;
        this.cacheDir = cacheDir;
        this.project = project;
        this.srcDir = srcDir;
        this.evaluated = new LinkedHashMap<>(evaluated);
        this.sandboxId = sandbox.id();
        this.stateDir = sandbox.stateDir();
        this.inContainer = sandbox instanceof BuildContainer;
        this.docker = docker;
    }

    /** Restores here (this process's machine); returns the lines for the build's log. */
    public List<String> restoreHere() throws InterruptedException {
        List<String> log = new ArrayList<>();
        cache(log).restore(sandbox(), evaluated);
        return log;
    }

    /** Saves here (this process's machine); returns the lines for the build's log. */
    public List<String> saveHere() throws InterruptedException {
        List<String> log = new ArrayList<>();
        cache(log).save(sandbox(), evaluated);
        return log;
    }

    boolean saves() {
        return cache(new ArrayList<>()).saves();
    }

    private BuildCache cache(List<String> log) {
        return new BuildCache(spec, new CacheStore(Path.of(cacheDir), project), srcDir, log::add);
    }

    private Sandbox sandbox() {
        Sandbox s = inContainer ? new BuildContainer(new DockerCli(new LocalProcessLauncher(), docker), null, srcDir)
                : new LocalSandbox(new LocalProcessLauncher(), stateDir);
        s.adopt(sandboxId);
        return s;
    }
}
