package io.jenkins.plugins.codebuildspec.parse;

import java.io.Reader;

/**
 * Reads a string, but never ends a read in the middle of a surrogate pair. SnakeYAML 2.3's
 * {@code StreamReader} reads one more char past its buffer when a read ends on a high surrogate
 * and throws {@code IndexOutOfBoundsException} (an emoji straddling char 1024; found by the fuzzer).
 */
final class SurrogateSafeReader extends Reader {
    private final String text;
    private int next;

    SurrogateSafeReader(String text) {
        this.text = text;
    }

    @Override
    public int read(char[] buf, int off, int len) {
        if (next >= text.length()) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = Math.min(len, text.length() - next);
        if (n > 1 && Character.isHighSurrogate(text.charAt(next + n - 1))) {
            n--;
        }
        text.getChars(next, next + n, buf, off);
        next += n;
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
