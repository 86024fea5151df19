package io.jenkins.plugins.codebuildspec.parse;

import io.jenkins.plugins.codebuildspec.testing.Hang;
import java.util.Arrays;

/** Inputs and a same-run comparison for the parser's complexity tests (speed itself is bench P5). */
final class ParseShapes {
    private ParseShapes() {
    }

    /** A buildspec of exactly {@code chars} characters whose one command is {@code c} repeated. */
    static String oneScalar(String c, int chars) {
        String head = "version: 0.2\nphases:\n  build:\n    commands:\n      - ";
        return head + c.repeat(chars - head.length() - 1) + "\n";
    }

    /**
     * How many times longer {@code big} takes to parse than {@code small}: the median of many warm runs of
     * the small one against the best of three of the big one, each run guarded against a hang.
     */
    static double ratioOfParseTimes(String big, String small) {
        BuildspecParser parser = new BuildspecParser();
        for (int i = 0; i < 30; i++) {
            parser.parse(small, "warm-up");
        }
        long[] smallRuns = new long[31];
        for (int i = 0; i < smallRuns.length; i++) {
            smallRuns[i] = timed(parser, small);
        }
        Arrays.sort(smallRuns);
        long bigBest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            bigBest = Math.min(bigBest, timed(parser, big));
        }
        return (double) bigBest / Math.max(1, smallRuns[smallRuns.length / 2]);
    }

    private static long timed(BuildspecParser parser, String yaml) {
        return Hang.guard(() -> {
            long start = System.nanoTime();
            parser.parse(yaml, "buildspec.yml");
            return System.nanoTime() - start;
        });
    }
}
