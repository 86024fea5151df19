package dev.codebuildspec.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Prefixes every line with {@code [identifier] } and writes it to a console shared by parallel
 * children. Each line goes down in one {@code write}, synchronized on the downstream, so lines of
 * different children never interleave mid-line (as long as every writer of the console
 * synchronizes on it the same way).
 *
 * <p>Works on bytes, never decodes: invalid UTF-8 passes through unchanged. Memory is bounded: a
 * line longer than {@link #MAX_LINE} bytes is emitted in pieces of that size, each prefixed and
 * ended with a line break of its own (a piece may then end inside a multi-byte character). A final
 * line without a line break is emitted on {@link #close()}, with a line break added so the next
 * child's line starts on a line of its own. {@link #flush()} does not emit a partial line, which
 * would break the one-line-one-write rule. Closing leaves the downstream open: it is shared.
 */
public final class PrefixingOutputStream extends OutputStream {
    public static final int MAX_LINE = 64 * 1024;

    private final OutputStream downstream;
    private final byte[] prefix;
    private final byte[] buffer; // prefix, then the pending line: one write per line, no copying
    private int length; // bytes in buffer, prefix included
    private boolean closed;

    public PrefixingOutputStream(OutputStream downstream, String identifier) {
        this.downstream = downstream;
        this.prefix = ("[" + identifier + "] ").getBytes(StandardCharsets.UTF_8);
        this.buffer = Arrays.copyOf(prefix, prefix.length + MAX_LINE + 1);
        this.length = prefix.length;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        ensureOpen();
        append((byte) b);
    }

    // Synchronized on this too: a child's stdout and stderr pumps may share one stream.
    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        Objects.checkFromIndexSize(off, len, b.length);
        int end = off + len;
        while (off < end) {
            breakIfFull(b[off]);
            int room = MAX_LINE - pending();
            // The line break may take the one extra slot: a line of exactly MAX_LINE bytes stays whole.
            int newline = indexOfNewline(b, off, Math.min(end, off + room + 1));
            int chunk = newline >= 0 ? newline - off + 1 : Math.min(room, end - off);
            System.arraycopy(b, off, buffer, length, chunk);
            length += chunk;
            off += chunk;
            if (newline >= 0) {
                emit();
            }
        }
    }

    private void append(byte b) throws IOException {
        breakIfFull(b);
        buffer[length++] = b;
        if (b == '\n') {
            emit();
        }
    }

    /** Splits an over-long line only when a byte other than its line break arrives. */
    private void breakIfFull(byte next) throws IOException {
        if (pending() == MAX_LINE && next != '\n') {
            buffer[length++] = '\n';
            emit();
        }
    }

    private int pending() {
        return length - prefix.length;
    }

    private static int indexOfNewline(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void emit() throws IOException {
        synchronized (downstream) {
            downstream.write(buffer, 0, length);
        }
        length = prefix.length;
    }

    @Override
    public synchronized void flush() throws IOException {
        synchronized (downstream) {
            downstream.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (pending() > 0) {
            buffer[length++] = '\n';
            emit();
        }
        flush();
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("log stream of " + new String(prefix, StandardCharsets.UTF_8).trim() + " is closed");
        }
    }
}
