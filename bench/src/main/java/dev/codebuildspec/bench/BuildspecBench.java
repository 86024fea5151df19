package dev.codebuildspec.bench;

import dev.codebuildspec.driver.DriverMarker;
import dev.codebuildspec.driver.DriverScript;
import dev.codebuildspec.driver.DriverSettings;
import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.buildspec.Buildspec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** P5: parse and validate a generated 5 000-line buildspec; generate its driver script. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class BuildspecBench {
    static final int LINES = 5000;

    private final BuildspecParser parser = new BuildspecParser();
    private String yaml;
    private Buildspec spec;
    private DriverSettings settings;

    @Setup
    public void setUp() {
        yaml = Workloads.buildspec(LINES);
        ParseResult result = parser.parse(yaml, "buildspec.yml");
        if (result.hasErrors() || result.buildspec().isEmpty()) {
            throw new IllegalStateException("the generated buildspec is invalid: " + result.errors().get(0));
        }
        spec = result.buildspec().get();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CODEBUILD_SRC_DIR", "/codebuild/output/src123456789/src");
        env.put("CODEBUILD_BUILD_ID", "bench:00000000-0000-0000-0000-000000000000");
        for (int i = 0; i < 100; i++) {
            env.put("VAR_" + i, "value " + i);
        }
        settings = new DriverSettings(DriverMarker.random(), "/codebuild/output/tmp/state", "bash", env);
    }

    @Benchmark
    public ParseResult parseAndValidate() {
        return parser.parse(yaml, "buildspec.yml");
    }

    @Benchmark
    public String generateDriver() {
        return DriverScript.generate(spec, settings);
    }
}
