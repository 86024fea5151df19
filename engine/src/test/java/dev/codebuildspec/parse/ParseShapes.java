package dev.codebuildspec.parse;

import dev.codebuildspec.testing.Hang;

/** Inputs and a machine-independent measure of work for the parser's complexity tests (speed itself is bench P5). */
final class ParseShapes {
    private ParseShapes() {
    }

    /** A buildspec of exactly {@code chars} characters whose one command is {@code c} repeated. */
    static String oneScalar(String c, int chars) {
        String head = "version: 0.2\nphases:\n  build:\n    commands:\n      - ";
        return head + c.repeat(chars - head.length() - 1) + "\n";
    }

    /**
     * How many times more memory parsing {@code big} allocates than parsing {@code small}. Bytes allocated
     * by the parsing thread are a measure of work that no load on the machine changes, unlike time: linear
     * work on 100x the text allocates about 100x, a reader that copies its window on every read thousands
     * of times more.
     */
    static double ratioOfAllocatedBytes(String big, String small) {
        return Hang.guard(() -> {
            BuildspecParser parser = new BuildspecParser();
            parser.parse(small, "warm-up");
            long smallBytes = allocatedBy(parser, small);
            long bigBytes = allocatedBy(parser, big);
            return (double) bigBytes / Math.max(1, smallBytes);
        });
    }

    private static long allocatedBy(BuildspecParser parser, String yaml) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        parser.parse(yaml, "buildspec.yml");
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
