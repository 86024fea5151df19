package dev.codebuildspec.bench;

import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.ParseResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P5 (throughput rows): parse and validate a buildspec just under the size limit, in four shapes. One op
 * parses {@link BuildspecParser#MAX_CODE_POINTS} - 1 ASCII characters, so MB/s = ops/s x 1.048575.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ParseThroughputBench {
    static final int CHARS = BuildspecParser.MAX_CODE_POINTS - 1;

    @Param({"plain", "commands", "nesting", "comment"})
    public String shape;

    private final BuildspecParser parser = new BuildspecParser();
    private String yaml;

    @Setup
    public void setUp() {
        yaml = shape(shape, CHARS);
        if (yaml.length() != CHARS) {
            throw new IllegalStateException(shape + " is " + yaml.length() + " chars");
        }
        ParseResult r = parser.parse(yaml, "buildspec.yml");
        if (r.diagnostics().stream().anyMatch(d -> d.message().contains("exceeds the limit"))) {
            throw new IllegalStateException(shape + ": " + r.diagnostics().get(0));
        }
    }

    @Benchmark
    public ParseResult parse() {
        return parser.parse(yaml, "buildspec.yml");
    }

    /** A buildspec of exactly {@code chars} characters whose bulk is one kind of YAML. */
    static String shape(String shape, int chars) {
        String head = "version: 0.2\nphases:\n  build:\n    commands:\n";
        StringBuilder y = new StringBuilder(chars + 64);
        switch (shape) {
            case "plain" -> y.append(head).append("      - ").append("x".repeat(chars - head.length() - 9));
            case "comment" -> y.append("# ").append("c".repeat(chars - head.length() - 17)).append('\n')
                    .append(head).append("      - echo\n");
            case "commands" -> {
                y.append(head);
                for (int i = 0; y.length() < chars - 40; i++) {
                    y.append("      - echo step ").append(i).append(" && make -j2\n");
                }
            }
            case "nesting" -> {
                // Exported-variable-like blocks 30 levels deep under an unknown key: a warning, not an error.
                y.append(head).append("      - echo\nx-nested:\n");
                for (int block = 0; y.length() < chars - 2000; block++) {
                    for (int d = 0; d < 30; d++) {
                        y.append(" ".repeat(2 + 2 * d)).append('k').append(block).append('_').append(d).append(":\n");
                    }
                    y.append(" ".repeat(62)).append("v\n");
                }
            }
            default -> throw new IllegalArgumentException(shape);
        }
        while (y.length() < chars - 1) {
            y.append('#');
        }
        if (y.length() < chars) {
            y.append('\n');
        }
        return y.substring(0, chars);
    }
}
