package dev.codebuildspec.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchSourcesTest {
    @TempDir
    Path tmp;

    @Test
    void onlyTheSourcesOfBatchesWhoseProcessIsGoneAreRemoved() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        long start = ended.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        ended.waitFor();
        Path dead = Files.createDirectories(tmp.resolve("codebuild-spec-batch-" + ended.pid() + "_" + start + "-123/child/src"));
        Files.writeString(dead.resolve("file.txt"), "left by a killed batch");
        Path live = BatchSources.create(tmp);
        Path unrelated = Files.createDirectories(tmp.resolve("codebuild-spec-batch-not-ours"));

        assertThat(BatchSources.reap(tmp, "host")).containsExactly(tmp.resolve("codebuild-spec-batch-" + ended.pid() + "_" + start + "-123"));
        assertThat(tmp.resolve("codebuild-spec-batch-" + ended.pid() + "_" + start + "-123")).doesNotExist();
        assertThat(live).exists();
        assertThat(unrelated).exists();
    }
}
