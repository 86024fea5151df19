package dev.codebuildspec.cli.host;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The stdin of a container's first process: bytes the host sends when it decides, kept open until the host ends it
 * (or dies, which ends it too). Read by the launcher's feeder thread.
 */
final class Lifeline extends InputStream {
    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private volatile boolean ended;

    void send(byte[] bytes) {
        if (!ended && bytes.length > 0) {
            queue.add(bytes.clone());
        }
    }

    /** Closes the container's stdin once what was sent is delivered. */
    void end() {
        if (!ended) {
            ended = true;
            queue.add(END);
        }
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (position == current.length) {
            if (current == END) {
                return -1;
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            if (current == END) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }
}
