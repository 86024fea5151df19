package dev.codebuildspec.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.PathPattern;
import dev.codebuildspec.buildspec.Position;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheDirectoriesTest {
    private static List<String> dirs(String... patterns) {
        return CacheDirectories.of(Arrays.stream(patterns).map(p -> new PathPattern(p, Position.UNKNOWN)).toList(),
                "/codebuild/output/src1/src");
    }

    @Test
    void globsCacheTheDirectoryBeforeTheirFirstWildcard() {
        assertThat(dirs("/root/.m2/**/*", "node_modules/**/*", "vendor/", "build/cache"))
                .containsExactly("/root/.m2", "/codebuild/output/src1/src/node_modules",
                        "/codebuild/output/src1/src/vendor", "/codebuild/output/src1/src/build/cache");
    }

    @Test
    void theRootTheSourceItselfAndParentSegmentsAreNotCached() {
        assertThat(dirs("/", "**/*", ".", "../outside/**/*", "a/../../b")).isEmpty();
    }

    @Test
    void duplicatesAreCachedOnce() {
        assertThat(dirs("/root/.m2/**/*", "/root/.m2/repository/../**/*", "/root/.m2")).containsExactly("/root/.m2");
    }
}
