package dev.codebuildspec.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codebuildspec.run.BuildPlan;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.testing.Hang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one request the driver makes of its host (DriverEvent.CACHE_REQUEST): asked only of a host that keeps
 * a cache, answered in two steps, never waited for without a bound. A Jenkins build of a buildspec with
 * {@code cache:} stalled ten minutes before INSTALL because its host kept no cache and never answered.
 */
class CacheHandshakeTest {
    private static final String CACHED = """
            version: 0.2
            cache:
              paths:
                - '/root/.cache-x/**/*'
            phases:
              install:
                commands:
                  - echo installing
              build:
                commands:
                  - echo hi
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void aHostWithoutACacheIsNeverAsked(String shell) throws Exception {
        assumeTrue(HostDriver.available(shell), shell + " is not installed");
        HostDriver.Run r = Hang.guard(() -> run(shell, false));

        assertThat(r.progress().cacheRequested()).isFalse();
        assertThat(r.output()).containsExactly("installing", "hi");
        assertThat(r.progress().outcome()).isEqualTo(Status.SUCCEEDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void aHostWithACacheIsAskedBeforeInstallAndItsAnswerLetsTheDriverGoOn(String shell) throws Exception {
        assumeTrue(HostDriver.available(shell), shell + " is not installed");
        HostDriver.Run r = Hang.guard(() -> run(shell, true));

        assertThat(r.progress().cacheRequested()).isTrue();
        assertThat(r.log()).doesNotContain("Warning");
        assertThat(r.output()).containsExactly("installing", "hi");
        assertThat(r.progress().outcome()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void theJenkinsHostsPlanHasNoCacheRequestAndTheClisHasOne() throws Exception {
        // The plugin builds its request without a cache directory, the CLI with one: the same BuildPlan.prepare.
        Files.writeString(tmp.resolve("buildspec.yml"), CACHED);
        String jenkins = plan(Optional.empty()).script();
        String cli = plan(Optional.of(tmp.resolve("cache"))).script();

        assertThat(jenkins).doesNotContain("\n__cbs_cache_restore\n");
        assertThat(cli).contains("\n__cbs_cache_restore\n");
    }

    private HostDriver.Run run(String shell, boolean answerCache) {
        try {
            return new HostDriver(tmp).run(shell, CACHED, Map.of(), answerCache);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private BuildPlan plan(Optional<Path> cacheDir) {
        BuildRequest request = BuildRequest.builder(tmp, "img").cacheDir(cacheDir).build();
        BuildPlan plan = BuildPlan.prepare(request, Instant.now());
        assertThat(plan.failure()).isEmpty();
        return plan;
    }
}
