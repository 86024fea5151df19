package dev.codebuildspec.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreTest {
    @TempDir
    Path root;

    private static boolean save(CacheStore store, String key, String content) throws IOException {
        try (CacheStore.Pending p = store.begin(key)) {
            p.out().write(content.getBytes(StandardCharsets.UTF_8));
            return p.commit();
        }
    }

    private static String content(CacheStore.Entry e) throws IOException {
        return Files.readString(e.archive());
    }

    @Test
    void aKeyedCacheIsNeverOverwritten() throws IOException {
        CacheStore store = new CacheStore(root, "app");
        assertThat(store.find("k1", List.of())).isEmpty();
        assertThat(save(store, "k1", "first")).isTrue();
        assertThat(store.isImmutable("k1")).isTrue();
        assertThat(save(store, "k1", "second")).isFalse();
        assertThat(content(store.find("k1", List.of()).orElseThrow())).isEqualTo("first");
    }

    @Test
    void theUnkeyedCacheIsReplacedByEachSave() throws IOException {
        CacheStore store = new CacheStore(root, "app");
        assertThat(save(store, CacheStore.UNKEYED, "first")).isTrue();
        assertThat(store.isImmutable(CacheStore.UNKEYED)).isFalse();
        assertThat(save(store, CacheStore.UNKEYED, "second")).isTrue();
        assertThat(content(store.find(CacheStore.UNKEYED, List.of()).orElseThrow())).isEqualTo("second");
        assertThat(save(store, CacheStore.UNKEYED, "third")).isTrue();
        assertThat(content(store.find(CacheStore.UNKEYED, List.of()).orElseThrow())).isEqualTo("third");
        try (var files = Files.walk(root)) {
            // the archive and its key: neither a replaced archive nor a temporary one stays behind
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("cache.tar", "key");
        }
    }

    @Test
    void fallbackKeysArePrefixesTriedInOrderNewestFirst() throws IOException {
        CacheStore store = new CacheStore(root, "app");
        save(store, "npm-linux-aaa", "old");
        save(store, "npm-linux-bbb", "new");
        save(store, "npm-mac-ccc", "mac");
        Files.setLastModifiedTime(store.find("npm-linux-aaa", List.of()).orElseThrow().archive(), FileTime.fromMillis(1000));

        CacheStore.Entry e = store.find("npm-linux-zzz", List.of("npm-linux-", "npm-")).orElseThrow();
        assertThat(e.key()).isEqualTo("npm-linux-bbb");
        assertThat(store.find("npm-win-1", List.of("npm-mac-")).orElseThrow().key()).isEqualTo("npm-mac-ccc");
        assertThat(store.find("pip-1", List.of("pip-"))).isEmpty();
    }

    @Test
    void projectsDoNotShareCaches() throws IOException {
        save(new CacheStore(root, "one"), "k", "one");
        assertThat(new CacheStore(root, "two").find("k", List.of())).isEmpty();
    }

    @Test
    void aDiscardedSaveLeavesNothing() throws IOException {
        CacheStore store = new CacheStore(root, "app");
        try (CacheStore.Pending p = store.begin("k")) {
            p.out().write(1);
        }
        assertThat(store.find("k", List.of())).isEmpty();
        try (var files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
