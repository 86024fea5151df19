package dev.codebuildspec.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts processes on this machine with {@link ProcessBuilder}; output is pumped by two threads.
 *
 * <p>Each process starts in a session of its own ({@code setsid}, where the machine has it). A terminal
 * sends Ctrl-C to its whole foreground process group: a {@code docker exec} client in that group would
 * die at once and end the build's shell before the build has seen the stop, and the build would end as a
 * FAULT instead of STOPPED. Stopping what we start is ours to do, on our signal.
 */
public final class LocalProcessLauncher implements ProcessLauncher {
    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst();

    @Override
    public RunningProcess start(ProcessRequest request) throws IOException {
        List<String> command = new ArrayList<>(request.command());
        SETSID.ifPresent(setsid -> command.add(0, setsid.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(request.environment());
        InputStream stdin = request.stdin();
        if (stdin instanceof FileInput file) {
            pb.redirectInput(file.file().toFile());
            stdin = InputStream.nullInputStream();
        }
        if (request.stdout() instanceof FileOutput file) {
            pb.redirectOutput(file.file().toFile());
        }
        Process p = pb.start();
        // A redirected output leaves the process's input stream empty: that pump ends at once.
        Thread out = pump(p.getInputStream(), request.stdout(), "stdout");
        Thread err = pump(p.getErrorStream(), request.stderr(), "stderr");
        Thread in = feed(p.getOutputStream(), stdin);
        return new Local(p, out, err, in);
    }

    private static Thread pump(InputStream from, OutputStream to, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[65536];
            try (from) {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                }
                to.flush();
            } catch (IOException e) {
                // The process went away; what it wrote before that has been delivered.
            }
        }, "codebuild-spec " + name + " pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static Thread feed(OutputStream to, InputStream data) {
        Thread t = new Thread(() -> {
            try (to; data) {
                // Large writes: InputStream.transferTo's 8 KiB chunks made a cache restore through docker exec
                // half again as slow as tar -x of the same archive (bench P10).
                byte[] buf = new byte[1 << 20];
                int n;
                while ((n = data.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush(); // a stdin fed as it is written (a container's lifeline) must not wait in a buffer
                }
            } catch (IOException e) {
                // The process did not read all of its stdin; that is its choice.
            }
        }, "codebuild-spec stdin feeder");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private record Local(Process process, Thread out, Thread err, Thread in) implements RunningProcess {
        @Override
        public OptionalInt waitFor(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return OptionalInt.empty();
            }
            out.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            err.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            // Ended, but its last output is still on the way: not done yet (a caller that reads
            // events from that output would otherwise miss the last ones).
            if (out.isAlive() || err.isAlive()) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(process.exitValue());
        }

        @Override
        public void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
