package dev.codebuildspec.cli.it;

import dev.codebuildspec.docker.ContainerSpec;
import dev.codebuildspec.docker.DockerCli;
import dev.codebuildspec.docker.DockerException;
import dev.codebuildspec.docker.LocalProcessLauncher;
import dev.codebuildspec.docker.RunningProcess;
import dev.codebuildspec.driver.DetachedDriverScript;
import dev.codebuildspec.driver.ShellQuote;
import dev.codebuildspec.run.BuildContainer;
import dev.codebuildspec.run.BuildHost;
import dev.codebuildspec.run.BuildOutputs;
import dev.codebuildspec.run.DriverHost;
import dev.codebuildspec.run.DriverPoll;
import dev.codebuildspec.run.DriverStart;
import dev.codebuildspec.run.DriverTask;
import dev.codebuildspec.cli.host.LocalOutputs;
import dev.codebuildspec.run.PollPacing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A host that runs the driver as Jenkins' durable-task does: detached inside the container, its output
 * (masked in the container by {@link DetachedDriverScript}) going to a log file in a control directory on
 * this machine, mounted into the container at the same path, with an exit-status file written when it
 * ends. The host polls both from a saved offset, so it can be dropped and made again mid-build.
 */
class DetachedHost implements BuildHost {
    private final DockerCli docker = new DockerCli(new LocalProcessLauncher(), "docker");
    private final Path control;
    private final BuildOutputs outputs;

    DetachedHost(Path control, Path sourceDir) {
        this.control = control;
        this.outputs = new LocalOutputs(sourceDir, Optional.empty(), Optional.empty());
    }

    @Override
    public DockerCli docker() {
        return docker;
    }

    @Override
    public dev.codebuildspec.docker.ProcessLauncher processes() {
        return new LocalProcessLauncher();
    }

    @Override
    public DriverHost driver() {
        return new Durable();
    }

    @Override
    public BuildOutputs outputs() {
        return outputs;
    }

    @Override
    public Predicate<String> ownerGone() {
        return owner -> false;
    }

    @Override
    public List<ContainerSpec.Mount> extraMounts() {
        return List.of(new ContainerSpec.Mount(control.toString(), control.toString()));
    }

    @Override
    public PollPacing pacing() {
        return new PollPacing(Duration.ofMillis(100), Duration.ofMillis(800));
    }

    /** Where a detached driver is: its control directory and how much of its log was delivered. */
    record Saved(String dir, long offset) implements Serializable {
    }

    private final class Durable implements DriverHost {
        @Override
        public DriverTask start(DriverStart start, OutputStream out) throws IOException, DockerException, InterruptedException {
            Path dir = control.resolve(UUID.randomUUID().toString());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("script.sh"), DetachedDriverScript.script(start.script(), start.shell(),
                    start.marker(), !start.maskForms().isEmpty(), BuildContainer.STATE));
            Map<String, String> env = new LinkedHashMap<>(start.secrets());
            env.putAll(DetachedDriverScript.maskVariables(start.maskForms()));
            String q = ShellQuote.quote(dir.toString());
            String wrapper = "sh " + q + "/script.sh >" + q + "/log 2>&1; echo $? >" + q + "/status.tmp && mv " + q
                    + "/status.tmp " + q + "/status";
            RunningProcess launch = docker.exec(start.containerId(), start.user().orElse("0"), env,
                    List.of("sh", "-c", "(" + wrapper + ") </dev/null >/dev/null 2>&1 &"), InputStream.nullInputStream(),
                    new ByteArrayOutputStream());
            OptionalInt status = launch.waitFor(DockerCli.CONTROL_TIMEOUT);
            if (status.isEmpty() || status.getAsInt() != 0) {
                launch.kill();
                throw new DockerException("the detached driver did not start");
            }
            return new Task(dir, 0, out);
        }

        @Override
        public Optional<DriverTask> reattach(Serializable saved, OutputStream out) {
            Saved s = (Saved) saved;
            return Optional.of(new Task(Path.of(s.dir()), s.offset(), out));
        }
    }

    private static final class Task implements DriverTask {
        private final Path dir;
        private final OutputStream out;
        private long offset;

        Task(Path dir, long offset, OutputStream out) {
            this.dir = dir;
            this.offset = offset;
            this.out = out;
        }

        @Override
        public DriverPoll poll() throws IOException {
            boolean ended = Files.exists(dir.resolve("status")); // before the log: all of it is written by then
            boolean output = copy();
            if (ended) {
                while (copy()) {
                    output = true;
                }
                return DriverPoll.ended(Integer.parseInt(Files.readString(dir.resolve("status"), StandardCharsets.UTF_8).trim()));
            }
            return DriverPoll.running(output);
        }

        private boolean copy() throws IOException {
            Path log = dir.resolve("log");
            if (!Files.exists(log)) {
                return false;
            }
            try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
                long length = f.length();
                if (length <= offset) {
                    return false;
                }
                f.seek(offset);
                byte[] b = new byte[(int) Math.min(length - offset, 1 << 20)];
                f.readFully(b);
                out.write(b);
                offset += b.length;
                return true;
            }
        }

        @Override
        public void await(Duration max) throws InterruptedException {
            Thread.sleep(max.toMillis());
        }

        @Override
        public void kill() {
            // Nothing of ours runs outside the container; the machine kills the container.
        }

        @Override
        public Serializable saved() {
            return new Saved(dir.toString(), offset);
        }
    }
}
