package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codebuildspec.cli.it.FaultMatrix.Fault;
import dev.codebuildspec.cli.it.FaultMatrix.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fault matrix: one build per fault, then no container, volume or temp directory of ours is
 * left, the source tree belongs to the invoking user, the status, exit code and record are right
 * (see {@link FaultMatrix}). CI runs each case once. {@code -Dcodebuildspec.disruptive=true} adds
 * the daemon restart (on a private dockerd); {@code -Dcodebuildspec.faults.cases=N} (and
 * {@code .seed}) runs N cases drawn at random from the matrix and prints the counts.
 */
class FaultMatrixIT {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = "DAEMON_RESTART", mode = EnumSource.Mode.EXCLUDE)
    void eachFaultEndsCleanly(Fault fault) throws Exception {
        if (fault == Fault.SOURCE_UNREADABLE) {
            assumeTrue(Privileges.isRoot(), "needs root to run the CLI as a user who cannot read the source");
        }
        Outcome o = new FaultMatrix(tmp, fault, null).run(VolumeImage.ensure(), Map.of());
        assertThat(o.violations()).as(o.output()).isEmpty();
    }

    @Test
    @EnabledIfSystemProperty(named = "codebuildspec.disruptive", matches = "true")
    void daemonRestartedMidBuild() throws Exception {
        assumeTrue(Privileges.isRoot(), "needs root to start a private dockerd");
        try (PrivateDaemon daemon = new PrivateDaemon(VolumeImage.ensure(), TestImages.BUSYBOX)) {
            Outcome o = new FaultMatrix(tmp, Fault.DAEMON_RESTART, daemon).run(VolumeImage.NAME, daemon.env());
            assertThat(o.violations()).as(o.output()).isEmpty();
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "codebuildspec.faults.cases", matches = "\\d+")
    void randomizedLongRun() throws Exception {
        int n = Integer.getInteger("codebuildspec.faults.cases");
        long seed = Long.getLong("codebuildspec.faults.seed", 1L);
        boolean disruptive = Boolean.getBoolean("codebuildspec.disruptive") && Privileges.isRoot();
        List<Fault> pool = new ArrayList<>(List.of(Fault.values()));
        if (!disruptive) {
            pool.remove(Fault.DAEMON_RESTART);
        }
        if (!Privileges.isRoot()) {
            pool.remove(Fault.SOURCE_UNREADABLE);
        }
        Random random = new Random(seed);
        // The case directories are below this one: the CLI's user must be able to pass through.
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<Fault, int[]> counts = new EnumMap<>(Fault.class); // runs, failures
        List<String> failures = new ArrayList<>();
        String image = VolumeImage.ensure();
        long start = System.nanoTime();
        try (PrivateDaemon daemon = disruptive ? new PrivateDaemon(image, TestImages.BUSYBOX) : null) {
            for (int i = 0; i < n; i++) {
                Fault f = pool.get(random.nextInt(pool.size()));
                Path dir = Files.createDirectories(tmp.resolve("case-" + i));
                boolean own = f == Fault.DAEMON_RESTART;
                Outcome o = new FaultMatrix(dir, f, own ? daemon : null).run(image, own ? daemon.env() : Map.of());
                int[] c = counts.computeIfAbsent(f, k -> new int[2]);
                c[0]++;
                if (!o.violations().isEmpty()) {
                    c[1]++;
                    failures.add("case " + i + " " + f + ": " + o.violations());
                }
                System.out.println("fault case " + i + " " + f + " exit " + o.exit() + " " + o.status() + " "
                        + (o.violations().isEmpty() ? "ok" : "FAILED " + o.violations()));
            }
        }
        System.out.printf("FAULT MATRIX LONG RUN: %d cases, seed %d, %.0f s%n", n, seed,
                (System.nanoTime() - start) / 1e9);
        counts.forEach((f, c) -> System.out.printf("  %-22s runs %3d  failures %d%n", f, c[0], c[1]));
        assertThat(failures).isEmpty();
    }
}
