package dev.codebuildspec.driver;

import dev.codebuildspec.run.BuildProgress;
import dev.codebuildspec.log.DriverOutputSplitter;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.mask.SecretMasker;
import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.buildspec.Buildspec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a generated driver with a shell of this machine (dash, bash, busybox ash), without Docker:
 * the script is plain POSIX sh, so its semantics can be checked in milliseconds.
 */
final class HostDriver {
    final Path dir;

    HostDriver(Path dir) {
        this.dir = dir;
    }

    /** {@code log} holds the agent lines, {@code commandOutput} the commands' output alone. */
    record Run(String log, String commandOutput, BuildProgress progress, int exit, List<DriverEvent> events) {
        List<String> output() {
            return commandOutput.lines().toList();
        }
    }

    static Buildspec parse(String yaml) {
        ParseResult r = new BuildspecParser().parse(yaml, "buildspec.yml");
        if (r.hasErrors()) {
            throw new AssertionError(r.diagnostics().toString());
        }
        return r.buildspec().orElseThrow();
    }

    Run run(String shell, String yaml) throws IOException, InterruptedException {
        return run(shell, yaml, Map.of());
    }

    Run run(String shell, String yaml, Map<String, String> env) throws IOException, InterruptedException {
        return run(shell, yaml, env, false);
    }

    /**
     * With {@code answerCache}, the driver is told that its host keeps a cache, and this host answers the
     * cache request as the CLI's does: {@code cache-restoring} at once, {@code cache-ready} when done.
     */
    Run run(String shell, String yaml, Map<String, String> env, boolean answerCache)
            throws IOException, InterruptedException {
        Buildspec spec = parse(yaml);
        Path src = Files.createDirectories(dir.resolve("src"));
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.createDirectories(dir.resolve("home"));
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("CODEBUILD_SRC_DIR", src.toString());
        plain.put("HOME", dir.resolve("home").toString());
        plain.putAll(env);
        DriverMarker marker = DriverMarker.random();
        String script = DriverScript.generate(spec, new DriverSettings(marker, state.toString(), shell, plain,
                answerCache));
        Path file = state.resolve("driver.sh");
        Files.writeString(file, script);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        BuildProgress progress = new BuildProgress(new LogSink(log, Clock.systemUTC()), CommandIndex.of(spec),
                SecretMasker.none());
        List<DriverEvent> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        dev.codebuildspec.log.DriverListener recording = new dev.codebuildspec.log.DriverListener() {
            @Override
            public void onEvent(DriverEvent event) {
                events.add(event);
                progress.onEvent(event);
            }

            @Override
            public void onExportedValue(String name, byte[] value) {
                progress.onExportedValue(name, value);
            }
        };
        DriverOutputSplitter splitter = new DriverOutputSplitter(marker, new LogSink(output, Clock.systemUTC()), recording);
        List<String> cmd = shell.equals("busybox") ? List.of("busybox", "sh", file.toString()) : List.of(shell, file.toString());
        Process p = new ProcessBuilder(cmd).directory(src.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        Thread answer = new Thread(() -> answerCacheRequest(progress, state, p));
        if (answerCache) {
            answer.start();
        }
        p.getInputStream().transferTo(splitter);
        answer.join();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("driver hung: " + output.toString(StandardCharsets.UTF_8));
        }
        splitter.close();
        return new Run(log.toString(StandardCharsets.UTF_8), output.toString(StandardCharsets.UTF_8), progress,
                p.exitValue(), List.copyOf(events));
    }

    private static void answerCacheRequest(BuildProgress progress, Path state, Process driver) {
        try {
            while (!progress.cacheRequested() && driver.isAlive()) {
                Thread.sleep(10);
            }
            Files.createFile(state.resolve("cache-restoring"));
            Thread.sleep(200); // a restore that takes a moment
            Files.createFile(state.resolve("cache-ready"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean available(String shell) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + shell).start();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
