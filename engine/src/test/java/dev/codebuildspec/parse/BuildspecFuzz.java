package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Position;
import dev.codebuildspec.testing.Hang;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The fuzzing property over {@link BuildspecParser} (parser and validator): every input ends in a
 * model or in positioned diagnostics (line and column at least 1 and inside the text, unless the
 * problem is about the file itself), never in another exception or an "internal error", and
 * within {@link #LIMIT}. Used by {@code BuildspecFuzzTest} (CI: committed seeds plus a time
 * budget) and {@code main} (the long run recorded in docs/reliability.md).
 *
 * <p>Byte inputs that are valid UTF-8 go to {@code parse(String)}; the others are decoded with
 * replacement characters for {@code parse(String)} and, one in {@value #FILE_EVERY}, also written to a file
 * for {@code parse(Path)}, which must refuse them as not UTF-8.
 */
final class BuildspecFuzz implements AutoCloseable {
    /** A hang guard, not a speed target: parse speed is bench P5, the slowest input is reported by main. */
    static final Duration LIMIT = Hang.LIMIT;
    static final Path SEEDS = Path.of("src/test/resources/fuzz/buildspec");
    private static final int FILE_EVERY = 50;

    private final BuildspecParser parser = new BuildspecParser();
    private ExecutorService worker = newWorker();
    private final Path scratch;
    private long inputs;

    BuildspecFuzz() {
        try {
            scratch = Files.createTempFile("codebuild-spec-fuzz-", ".yml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz-worker", 512 * 1024); // a modest stack, like a Jenkins thread
            t.setDaemon(true);
            return t;
        });
    }

    long inputs() {
        return inputs;
    }

    static List<byte[]> seeds() {
        try (Stream<Path> files = Files.list(SEEDS)) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(f));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks one input; empty when the property holds, else what went wrong. */
    Optional<String> check(byte[] input) {
        inputs++;
        Optional<String> utf8 = strictUtf8(input);
        String text = utf8.orElseGet(() -> new String(input, StandardCharsets.UTF_8));
        Optional<String> problem = run(() -> verify(parser.parse(text, "buildspec.yml"), text, false));
        if (problem.isPresent() || utf8.isPresent() || inputs % FILE_EVERY != 0) {
            return problem;
        }
        return run(() -> {
            try {
                Files.write(scratch, input);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ParseResult r = parser.parse(scratch, "buildspec.yml");
            String checked = verify(r, text, true);
            if (checked == null && r.diagnostics().stream().noneMatch(d -> d.message().contains("not valid UTF-8"))) {
                return "invalid UTF-8 not refused as such: " + r.diagnostics();
            }
            return checked;
        });
    }

    private Optional<String> run(java.util.concurrent.Callable<String> task) {
        Future<String> f = worker.submit(task);
        try {
            String problem = f.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(problem);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow(); // a parse that hangs does not stop: later inputs get a fresh thread
            worker = newWorker();
            return Optional.of("took longer than " + LIMIT);
        } catch (ExecutionException e) {
            return Optional.of("threw " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The property on one result; null when it holds. */
    static String verify(ParseResult r, String text, boolean fromFile) {
        if (r.buildspec().isPresent() == r.hasErrors() || r.hasErrors() != !r.errors().isEmpty()) {
            return "inconsistent result " + r;
        }
        int lines = 1 + lineBreaks(text);
        for (Diagnostic d : r.diagnostics()) {
            if (d.message().startsWith("internal error while reading the buildspec")) { // BuildspecParser caught it
                return "swallowed exception: " + d;
            }
            Position p = d.position();
            if (p.equals(Position.UNKNOWN)) {
                if (!fromFile) {
                    return "unpositioned diagnostic for a text: " + d;
                }
                continue;
            }
            if (p.line() < 1 || p.column() < 1 || p.line() > lines) {
                return "bad position (text has " + lines + " lines): " + d;
            }
        }
        return null;
    }

    /** Line breaks as YAML 1.1 (and SnakeYAML) counts them. */
    private static int lineBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                n++;
            } else if (c == '\r') {
                n++;
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        return n;
    }

    private static Optional<String> strictUtf8(byte[] b) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static String describe(byte[] input) {
        String hex = HexFormat.of().formatHex(input, 0, Math.min(input.length, 200));
        return input.length + " bytes, starting " + hex;
    }

    @Override
    public void close() throws IOException {
        worker.shutdownNow();
        Files.deleteIfExists(scratch);
    }

    /**
     * The long run: {@code main [inputs] [seed] [crash-dir]} (defaults 1000000, 1, target/fuzz-crashes).
     * Prints the count, the time and every crash; writes each crashing input to crash-dir.
     */
    public static void main(String[] args) throws IOException {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        Path crashes = Path.of(args.length > 2 ? args[2] : "target/fuzz-crashes");
        BuildspecMutator mutator = new BuildspecMutator(seeds());
        Random random = new Random(seed);
        long start = System.nanoTime();
        long slowest = 0;
        int found = 0;
        try (BuildspecFuzz fuzz = new BuildspecFuzz()) {
            for (long i = 0; i < n; i++) {
                byte[] input = mutator.next(random);
                long t0 = System.nanoTime();
                Optional<String> problem = fuzz.check(input);
                slowest = Math.max(slowest, System.nanoTime() - t0);
                if (problem.isPresent()) {
                    found++;
                    Files.createDirectories(crashes);
                    Path f = crashes.resolve("crash-" + seed + "-" + i + ".yml");
                    Files.write(f, input);
                    System.out.println("CRASH #" + i + " (" + f + "): " + problem.get() + "; " + describe(input));
                }
                if ((i + 1) % 100_000 == 0) {
                    System.out.printf("%d inputs, %d s, %d crashes%n", i + 1,
                            (System.nanoTime() - start) / 1_000_000_000L, found);
                }
            }
            System.out.printf("DONE: %d inputs (seed %d) in %.1f s, slowest %.0f ms, %d crashes%n", fuzz.inputs(),
                    seed, (System.nanoTime() - start) / 1e9, slowest / 1e6, found);
        }
        System.exit(found == 0 ? 0 : 1);
    }
}
