package dev.codebuildspec.mask;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Gathers the small pieces a masked write turns into (text, mask, text, ...) so the downstream stream sees
 * a few large writes instead of many tiny ones. Pieces at least as large as the buffer go straight through.
 */
final class OutputBatch {

    private final OutputStream out;
    private final byte[] buf = new byte[8192];
    private int count;

    OutputBatch(OutputStream out) {
        this.out = out;
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - count) {
            drain();
            if (len >= buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Hands everything gathered so far to the downstream stream (without flushing it). */
    void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
