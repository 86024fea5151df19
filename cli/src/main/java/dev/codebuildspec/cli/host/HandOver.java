package dev.codebuildspec.cli.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One output of the attached {@code docker run}: kept here until the driver starts (the first process's READY line,
 * or Docker's own error when the container could not start), then handed over to the driver's stream.
 */
final class HandOver extends OutputStream {
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private OutputStream target;

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (target != null) {
            target.write(b, off, len);
        } else if (early.size() < 65536) {
            early.write(b, off, len);
            notifyAll();
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (target != null) {
            target.flush();
        }
    }

    /** What arrived before the hand-over. */
    synchronized String early() {
        return early.toString(StandardCharsets.UTF_8);
    }

    /** Waits up to {@code millis} for {@code text} to arrive before the hand-over. */
    synchronized boolean awaitEarly(String text, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!early().contains(text)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    synchronized void handOver(OutputStream to) {
        target = to;
    }
}
