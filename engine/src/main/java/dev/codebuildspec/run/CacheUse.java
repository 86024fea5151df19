package dev.codebuildspec.run;

import dev.codebuildspec.record.Status;
import dev.codebuildspec.record.StepRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * A build's use of its local cache: a restore when the driver asks for it, a save after a successful build.
 * Each runs where the host keeps the cache ({@link BuildHost#caches()}); every problem is a warning.
 */
final class CacheUse {
    private final BuildContext build;

    CacheUse(BuildContext build) {
        this.build = build;
    }

    void restore() throws InterruptedException {
        Optional<CacheJob> job = job();
        if (job.isPresent()) {
            BuildProgress progress = build.progress;
            long start = progress.clockMillis();
            Status status = Status.SUCCEEDED;
            try {
                build.host.caches().restore(job.get()).forEach(progress::info);
            } catch (IOException e) {
                status = Status.FAILED;
                progress.info("Warning: cache restore failed: " + e.getMessage());
            } finally {
                BuildCache.ready(build.container, progress::info);
                progress.step(StepRecord.Name.CACHE_RESTORE, start, status);
            }
        }
    }

    void save() throws InterruptedException {
        Optional<CacheJob> job = job();
        if (job.isPresent() && job.get().saves()) {
            BuildProgress progress = build.progress;
            long start = progress.clockMillis();
            Status status = Status.SUCCEEDED;
            try {
                build.host.caches().save(job.get()).forEach(progress::info);
            } catch (IOException e) {
                status = Status.FAILED;
                progress.info("Warning: cache save failed: " + e.getMessage());
            } finally {
                progress.step(StepRecord.Name.CACHE_SAVE, start, status);
            }
        }
    }

    /** The job, when the build has a cache: a buildspec cache section with paths and a place to keep it. */
    private Optional<CacheJob> job() {
        BuildPlan plan = build.plan();
        BuildRequest request = build.request;
        return plan.spec().cache().filter(c -> !c.paths().isEmpty()).flatMap(c -> request.cacheDir()
                .map(dir -> new CacheJob(c, dir.toString(), request.project(), plan.srcDir(),
                        build.progress.evaluated(), build.container, build.host.docker().executable())));
    }
}
