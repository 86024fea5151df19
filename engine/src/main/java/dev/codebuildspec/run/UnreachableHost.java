package dev.codebuildspec.run;

import dev.codebuildspec.buildspec.ArtifactsSpec;
import dev.codebuildspec.buildspec.ReportGroup;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.ProcessLauncher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The host of a build whose machine no longer answers (a Jenkins agent that stayed away past its bound): every
 * call fails at once with the reason, so that the machine can still end the build FAULT through FINALIZING and
 * keep its record. The container stays where it is, for the host's reaper to remove when the machine is back.
 */
public final class UnreachableHost implements BuildHost {
    private final String why;

    public UnreachableHost(String why) {
        this.why = why;
    }

    private IOException gone() {
        return new IOException(why);
    }

    @Override
    public DockerCli docker() {
        return new DockerCli(processes(), "docker");
    }

    @Override
    public ProcessLauncher processes() {
        return request -> {
            throw gone();
        };
    }

    @Override
    public DriverHost driver() {
        return new DriverHost() {
            @Override
            public DriverTask start(DriverStart start, OutputStream out) throws IOException {
                throw gone();
            }

            @Override
            public Optional<DriverTask> reattach(Serializable saved, OutputStream out) {
                return Optional.of(new Unanswered(saved));
            }
        };
    }

    @Override
    public BuildOutputs outputs() {
        return new BuildOutputs() {
            @Override
            public ArtifactsOutcome artifacts(ArtifactsSpec spec, Map<String, String> evaluated) throws IOException {
                throw gone();
            }

            @Override
            public ReportsOutcome reports(Map<String, ReportGroup> groups) throws IOException {
                throw gone();
            }
        };
    }

    @Override
    public Predicate<String> ownerGone() {
        return owner -> false;
    }

    @Override
    public CacheKeeper caches() {
        return new CacheKeeper() {
            @Override
            public List<String> restore(CacheJob job) throws IOException {
                throw gone();
            }

            @Override
            public List<String> save(CacheJob job) throws IOException {
                throw gone();
            }
        };
    }

    @Override
    public boolean reachable() {
        return false;
    }

    /** The driver as far as it can be known: it may still run over there, but nothing of it can be reached. */
    private final class Unanswered implements DriverTask {
        private final Serializable saved;

        Unanswered(Serializable saved) {
            this.saved = saved;
        }

        @Override
        public DriverPoll poll() throws IOException {
            throw gone();
        }

        @Override
        public void await(Duration max) throws InterruptedException {
            Thread.sleep(max.toMillis());
        }

        @Override
        public void kill() throws IOException {
            throw gone();
        }

        @Override
        public Serializable saved() {
            return saved;
        }
    }
}
