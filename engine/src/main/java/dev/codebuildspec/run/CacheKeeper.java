package dev.codebuildspec.run;

import java.io.IOException;
import java.util.List;

/**
 * Where a build's local cache is kept and its restores and saves run: on this machine (the CLI), or on the
 * machine that holds the workspace (a Jenkins agent). Returns the lines for the build's log.
 */
public interface CacheKeeper {
    /** Runs each job in this process, on this machine's disk and docker. */
    CacheKeeper HERE = new CacheKeeper() {
        @Override
        public List<String> restore(CacheJob job) throws InterruptedException {
            return job.restoreHere();
        }

        @Override
        public List<String> save(CacheJob job) throws InterruptedException {
            return job.saveHere();
        }
    };

    List<String> restore(CacheJob job) throws IOException, InterruptedException;

    List<String> save(CacheJob job) throws IOException, InterruptedException;
}
