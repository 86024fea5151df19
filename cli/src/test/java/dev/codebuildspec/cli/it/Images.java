package dev.codebuildspec.cli.it;

import java.util.stream.Stream;

/** Image sources for parameterized tests: rules that must hold whatever the image's /bin/sh is. */
final class Images {
    private Images() {
    }

    /** Debian (dash as /bin/sh, bash present) and busybox (ash, no bash). */
    static Stream<String> shells() {
        return Stream.of(TestImages.DEBIAN, TestImages.BUSYBOX);
    }
}
