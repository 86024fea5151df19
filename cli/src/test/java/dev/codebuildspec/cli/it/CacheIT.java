package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buildspec cache section, with the CLI's local cache directory. */
class CacheIT {
    @TempDir
    Path tmp;

    private CliResult build(String name, String buildspec) {
        return new Workspace(tmp.resolve(name)).buildspec(buildspec).file("package-lock.json", "{\"lock\": 1}\n")
                .args("--cache-dir", tmp.resolve("cache").toString(), "--project", "cached").run(TestImages.BUSYBOX);
    }

    private static String spec(String key, String extra) {
        return """
                version: 0.2
                phases:
                  install:
                    commands:
                      - cat /root/.m2/stamp 2>/dev/null || echo no-stamp
                      - cat deps/stamp 2>/dev/null || echo no-deps
                  build:
                    commands:
                      - mkdir -p /root/.m2 deps && echo "$STAMP" > /root/.m2/stamp && echo "$STAMP" > deps/stamp
                %s
                cache:
                %s
                  paths:
                    - '/root/.m2/**/*'
                    - 'deps/**/*'
                """.formatted(extra.indent(2).stripTrailing(), key.isEmpty() ? "" : "  key: " + key);
    }

    @Test
    void aKeyedCacheIsRestoredBeforeInstallAndNeverOverwritten() {
        CliResult first = build("one", spec("deps-$(codebuild-hash-files package-lock.json)", "    - 'true'")
                .replace("\"$STAMP\"", "first"));
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.commandOutput()).contains("no-stamp", "no-deps");
        assertThat(first.log()).containsPattern("Saved cache 'deps-[0-9a-f]{64}'");

        CliResult second = build("two", spec("deps-$(codebuild-hash-files package-lock.json)", "    - 'true'")
                .replace("\"$STAMP\"", "second"));
        assertThat(second.commandOutput()).as(second.toString()).contains("first").doesNotContain("no-stamp", "no-deps");
        assertThat(second.log()).contains("a keyed cache is never overwritten");
        steps(second);
    }

    /** The record keeps the restore and the save with their times, inside the build, restore before save. */
    private static void steps(CliResult r) {
        com.google.gson.JsonArray steps = r.record().getAsJsonArray("steps");
        assertThat(steps).as(r.record().toString()).hasSize(2);
        com.google.gson.JsonObject restore = steps.get(0).getAsJsonObject();
        com.google.gson.JsonObject save = steps.get(1).getAsJsonObject();
        assertThat(restore.get("name").getAsString()).isEqualTo("CACHE_RESTORE");
        assertThat(save.get("name").getAsString()).isEqualTo("CACHE_SAVE");
        assertThat(restore.get("status").getAsString()).isEqualTo("SUCCEEDED");
        java.time.Instant start = java.time.Instant.parse(r.record().get("startTime").getAsString());
        java.time.Instant end = java.time.Instant.parse(r.record().get("endTime").getAsString());
        java.time.Instant restoreEnd = java.time.Instant.parse(restore.get("endTime").getAsString());
        java.time.Instant saveStart = java.time.Instant.parse(save.get("startTime").getAsString());
        assertThat(java.time.Instant.parse(restore.get("startTime").getAsString())).isAfterOrEqualTo(start);
        assertThat(restoreEnd).isBeforeOrEqualTo(saveStart);
        assertThat(java.time.Instant.parse(save.get("endTime").getAsString())).isBeforeOrEqualTo(end);
    }

    @Test
    void theUnkeyedCacheFollowsTheLastSuccessfulBuildAndAFailedBuildSavesNothing() {
        CliResult first = build("one", spec("", "").replace("\"$STAMP\"", "v1"));
        assertThat(first.exit()).isZero();
        assertThat(first.log()).contains("No cache found for this project (the cache has no key)").doesNotContain("key ''");
        CliResult failed = build("two", spec("", "    - exit 1").replace("\"$STAMP\"", "v2"));
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.log()).doesNotContain("Saved cache");
        CliResult third = build("three", spec("", "").replace("\"$STAMP\"", "v3"));
        assertThat(third.commandOutput()).contains("v1");
        assertThat(third.log()).contains("Restoring cache of this project (");
        CliResult fourth = build("four", spec("", "").replace("\"$STAMP\"", "v4"));
        assertThat(fourth.commandOutput()).contains("v3");
        for (CliResult r : List.of(third, fourth)) {
            // The host's lines keep their place: the restore is logged before the commands it waited for.
            String log = r.log();
            assertThat(log.indexOf("Restoring cache of this project")).as(log).isPositive()
                    .isLessThan(log.indexOf("Running command cat /root/.m2/stamp"));
        }
    }

    @Test
    void fallbackKeysFindTheNewestCacheWithThatPrefix() {
        build("one", spec("npm-aaa", "").replace("\"$STAMP\"", "from-aaa"));
        CliResult r = build("two", spec("npm-bbb\n  fallback-keys:\n    - npm-", "").replace("\"$STAMP\"", "x"));
        assertThat(r.log()).as(r.toString()).contains("Restoring cache 'npm-aaa'");
        assertThat(r.commandOutput()).contains("from-aaa");
    }

    @Test
    void aBrokenCacheIsAWarningNeverAFailure() throws Exception {
        build("one", spec("broken", "").replace("\"$STAMP\"", "x"));
        try (var files = Files.walk(tmp.resolve("cache"))) {
            for (Path p : files.filter(p -> p.getFileName().toString().equals("cache.tar")).toList()) {
                Files.writeString(p, "this is not a tar archive");
            }
        }
        CliResult r = build("two", spec("broken", "").replace("\"$STAMP\"", "y"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.log()).contains("Warning: cache restore failed");
    }

    /**
     * What tar says on stderr while it archives (here: a socket it skips, exit 0) never lands in the archive: it did,
     * wherever the message came between the archive's chunks.
     */
    @Test
    void tarsWarningsStayOutOfTheSavedArchive() throws Exception {
        String spec = """
                version: 0.2
                phases:
                  install:
                    commands:
                      - cat deps/data 2>/dev/null || echo no-deps
                  build:
                    commands:
                      - mkdir -p deps && seq 1 20000 > deps/data
                      - for i in $(seq 1 20); do head -c 1000000 /dev/urandom > deps/big$i; done
                      - perl -MIO::Socket::UNIX -e 'IO::Socket::UNIX->new(Local => "deps/sock", Listen => 1) or die'
                cache:
                  paths:
                    - 'deps/**/*'
                """;
        CliResult first = new Workspace(tmp.resolve("socket-one")).buildspec(spec)
                .args("--cache-dir", tmp.resolve("socket-cache").toString(), "--project", "sock").run(TestImages.DEBIAN);
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.log()).contains("Saved cache").containsPattern("Cache save: tar: \\S*/deps/sock: socket ignored");
        List<Path> archives;
        try (var files = Files.walk(tmp.resolve("socket-cache"))) {
            archives = files.filter(f -> f.toString().endsWith(".tar")).toList();
        }
        assertThat(archives).hasSize(1);
        Process list = new ProcessBuilder("tar", "-tf", archives.get(0).toString()).redirectErrorStream(true).start();
        String listing = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(list.waitFor()).as(listing).isZero();
        assertThat(listing).contains("deps/data").doesNotContain("socket ignored");

        CliResult second = new Workspace(tmp.resolve("socket-two")).buildspec(spec)
                .args("--cache-dir", tmp.resolve("socket-cache").toString(), "--project", "sock").run(TestImages.DEBIAN);
        assertThat(second.commandOutput()).as(second.toString()).contains("19999", "20000").doesNotContain("no-deps");
    }

    @Test
    void withoutACacheSectionTheLogSaysSo() {
        CliResult r = new Workspace(tmp).buildspec("version: 0.2\nphases:\n  build:\n    commands:\n      - 'true'\n")
                .run(TestImages.BUSYBOX);
        assertThat(r.log()).contains("[Container] Cache is not defined in the buildspec");
    }
}
