package dev.codebuildspec.reports;

/**
 * Bounds on one XML report. Reading is streamed, so memory does not grow with the file; these
 * bound the time spent on a runaway or hostile file. 10 million elements is about twenty times
 * the biggest real reports we know of (a 200k-case JUnit file has about 400k elements) and takes
 * a few seconds to stream. Nesting deeper than 1000 happens in no report format.
 */
record XmlLimits(long maxElements, int maxDepth) {
    static final XmlLimits DEFAULT = new XmlLimits(10_000_000, 1_000);
}
