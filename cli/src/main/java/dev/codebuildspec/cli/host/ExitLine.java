package dev.codebuildspec.cli.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Passes the driver's output on and takes out the first process's line that says the driver ended, with its status.
 * Bytes that might begin that line are held back until it is clear whether they do; what follows it (a background
 * process the build left writing) is dropped, as the end of a {@code docker exec} drops it.
 */
final class ExitLine extends OutputStream {
    private final OutputStream target;
    private final byte[] prefix;
    private final CountDownLatch seen = new CountDownLatch(1);
    private final StringBuilder digits = new StringBuilder();
    private int matched;
    private volatile int status = -1;

    ExitLine(OutputStream target, String prefix) {
        this.target = target;
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end && seen.getCount() > 0) {
            if (matched == 0) {
                int j = i;
                while (j < end && b[j] != prefix[0]) {
                    j++;
                }
                target.write(b, i, j - i);
                if (j < end) {
                    matched = 1;
                }
                i = j + 1;
            } else if (matched < prefix.length) {
                if (b[i] == prefix[matched]) {
                    matched++;
                    i++;
                } else {
                    release();
                }
            } else if (b[i] >= '0' && b[i] <= '9' && digits.length() < 9) {
                digits.append((char) b[i++]);
            } else if (b[i] == '\n' && digits.length() > 0) {
                status = Integer.parseInt(digits.toString());
                seen.countDown();
            } else {
                release();
            }
        }
    }

    /** What was held back was not the line after all: pass it on. */
    private void release() throws IOException {
        target.write(prefix, 0, matched);
        target.write(digits.toString().getBytes(StandardCharsets.US_ASCII));
        matched = 0;
        digits.setLength(0);
    }

    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    /** The driver's status once its line came. */
    OptionalInt status() {
        return seen.getCount() == 0 ? OptionalInt.of(status) : OptionalInt.empty();
    }

    boolean await(Duration max) throws InterruptedException {
        return seen.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }
}
