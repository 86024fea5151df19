package dev.codebuildspec.run;

import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** FINALIZING: the source tree handed back to its owner, the container removed, whatever the build did. */
final class Finalizing {
    /** How long FINALIZING keeps trying to hand the source back and remove the container. */
    static final Duration CLEANUP_PATIENCE = Duration.ofSeconds(90);
    private static final Duration CLEANUP_RETRY = Duration.ofSeconds(1);

    private Finalizing() {
    }

    static void run(BuildProgress progress, Sandbox container, BuildRequest request, BuildHost host, Clock clock)
            throws InterruptedException {
        progress.begin(PhaseType.FINALIZING);
        Status status = Status.SUCCEEDED;
        Optional<PhaseContext> context = Optional.empty();
        if (container != null && container.id() != null) {
            // The daemon may be away for a moment (restarting): keep trying for a while, so that
            // neither the container nor root-owned files in the source outlive the build.
            Instant deadline = clock.instant().plus(CLEANUP_PATIENCE);
            boolean handedBack = request.ownerUid().isEmpty() || request.ownerUid().getAsInt() == 0;
            boolean removed = false;
            DockerException last = null;
            while (!removed) {
                try {
                    if (!handedBack) {
                        container.handBack(request.ownerUid().getAsInt(),
                                request.ownerGid().orElse(request.ownerUid().getAsInt()));
                        handedBack = true;
                    }
                    container.remove();
                    removed = true;
                    last = null;
                } catch (DockerException e) {
                    last = e;
                    if (!host.reachable() || clock.instant().isAfter(deadline)) {
                        break;
                    }
                    Thread.sleep(CLEANUP_RETRY.toMillis());
                }
            }
            if (last != null) {
                status = Status.FAULT;
                context = Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, last.getMessage()));
            }
        }
        progress.end(PhaseType.FINALIZING, status, context);
    }
}
