package dev.codebuildspec.batch;

import dev.codebuildspec.parse.BuildspecText;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.run.BuildMachine;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.run.BuildResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The phase machines of a batch's children, on the hosts {@link ChildHosts} gives: a new one, one resumed from
 * its saved state, or only the outcome of one that ended before a resume. Each child's request is the parent's
 * with the child's own source, buildspec (read by its host where the source is), image and variables.
 */
final class ChildMachines {
    private final BuildRequest parent;
    private final ChildHosts hosts;
    private final Clock clock;

    ChildMachines(BuildRequest parent, ChildHosts hosts, Clock clock) {
        this.parent = parent;
        this.hosts = hosts;
        this.clock = clock;
    }

    BuildMachine start(ChildBuild child, Path source, OutputStream log) throws InterruptedException {
        return BuildMachine.start(request(child, source), hosts.host(child, source), log, clock);
    }

    BuildMachine resume(ChildBuild child, BatchState.Child saved, OutputStream log)
            throws IOException, InterruptedException {
        Path source = Path.of(saved.source);
        return BuildMachine.resume(request(child, source), hosts.host(child, source), saved.build, log, clock);
    }

    /** How a child that ended before a resume ended: its record made again from its state, without running anything. */
    ChildOutcome outcomeAgain(ChildBuild child, BatchState.Child saved) throws IOException, InterruptedException {
        Optional<Instant> start = saved.startMillis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(saved.startMillis));
        Optional<Instant> end = saved.endMillis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(saved.endMillis));
        Optional<BuildResult> result = Optional.empty();
        if (saved.build != null) {
            result = Optional.of(resume(child, saved, OutputStream.nullOutputStream()).complete());
        }
        return new ChildOutcome(child, Status.valueOf(saved.status), result, start, end, Optional.ofNullable(saved.reason));
    }

    private BuildRequest request(ChildBuild child, Path source) throws InterruptedException {
        Optional<BuildspecText> text = Optional.empty();
        if (child.buildspec().isPresent()) {
            try {
                text = hosts.buildspec(source, child.buildspec().get());
            } catch (IOException e) {
                text = Optional.of(BuildspecText.failed("cannot read YAML file " + child.buildspec().get() + ": " + e.getMessage()));
            }
        }
        return BatchPlan.request(parent, child, source, text);
    }
}
