package dev.codebuildspec.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile buildspecs: the committed seeds (valid buildspecs and every crash the fuzzer ever found,
 * {@code src/test/resources/fuzz/buildspec}) and then mutations of them for a time budget
 * ({@code -Dcodebuildspec.fuzz.seconds}, default 20; {@code -Dcodebuildspec.fuzz.seed} to vary the
 * inputs). The long run is {@link BuildspecFuzz#main}.
 */
class BuildspecFuzzTest {

    @TestFactory
    Stream<DynamicTest> everyCommittedSeedHoldsTheProperty() throws Exception {
        try (Stream<Path> files = Files.list(BuildspecFuzz.SEEDS)) {
            List<Path> seeds = files.sorted().toList();
            assertThat(seeds).hasSizeGreaterThanOrEqualTo(5);
            return seeds.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                try (BuildspecFuzz fuzz = new BuildspecFuzz()) {
                    assertThat(fuzz.check(Files.readAllBytes(f))).isEmpty();
                }
            }));
        }
    }

    @Test
    void theValidSeedsParseToAModel() throws Exception {
        try (Stream<Path> files = Files.list(BuildspecFuzz.SEEDS)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("seed-")).toList()) {
                ParseResult r = new BuildspecParser().parse(f, "buildspec.yml"); // crash-* seeds are hostile
                assertThat(r.errors()).as(f.toString()).isEmpty();
            }
        }
    }

    @Test
    void mutationsForATimeBudgetHoldTheProperty() throws Exception {
        long seconds = Long.getLong("codebuildspec.fuzz.seconds", 20);
        long seed = Long.getLong("codebuildspec.fuzz.seed", 20240601L);
        BuildspecMutator mutator = new BuildspecMutator(BuildspecFuzz.seeds());
        Random random = new Random(seed);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<String> crashes = new ArrayList<>();
        try (BuildspecFuzz fuzz = new BuildspecFuzz()) {
            while (System.nanoTime() < end && crashes.size() < 10) {
                byte[] input = mutator.next(random);
                Optional<String> problem = fuzz.check(input);
                problem.ifPresent(p -> crashes.add(p + "; " + BuildspecFuzz.describe(input)));
            }
            System.out.println("BuildspecFuzzTest: " + fuzz.inputs() + " inputs in " + seconds + " s (seed " + seed + ")");
            assertThat(fuzz.inputs()).as("inputs tried: the budget ran").isGreaterThan(100);
        }
        assertThat(crashes).isEmpty();
    }
}
