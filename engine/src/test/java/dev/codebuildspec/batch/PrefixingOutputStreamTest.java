package dev.codebuildspec.batch;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PrefixingOutputStreamTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private String console() {
        return console.toString(UTF_8);
    }

    @Test
    void prefixesEveryLineAndKeepsEmptyLinesAndCarriageReturns() throws IOException {
        try (OutputStream out = new PrefixingOutputStream(console, "a")) {
            out.write("one\n\ntwo\r\nth".getBytes(UTF_8));
            out.write('r');
            out.write("ee\n".getBytes(UTF_8));
        }
        assertThat(console()).isEqualTo("[a] one\n[a] \n[a] two\r\n[a] three\n");
    }

    @Test
    void holdsAPartialLineUntilItEndsAndEmitsTheLastOneOnClose() throws IOException {
        OutputStream out = new PrefixingOutputStream(console, "a");
        out.write("no line break yet".getBytes(UTF_8));
        out.flush();
        assertThat(console()).isEmpty();
        out.close();
        assertThat(console()).isEqualTo("[a] no line break yet\n");
        out.close();
        assertThat(console()).isEqualTo("[a] no line break yet\n");
        assertThatThrownBy(() -> out.write('x')).isInstanceOf(IOException.class).hasMessageContaining("[a]");
    }

    @Test
    void closingWithNothingPendingWritesNothing() throws IOException {
        new PrefixingOutputStream(console, "a").close();
        assertThat(console.size()).isZero();
    }

    @Test
    void bytesPassThroughUndecoded() throws IOException {
        byte[] invalid = {(byte) 0xff, (byte) 0xc3, 'x', (byte) 0xe2, (byte) 0x82, '\n'};
        try (OutputStream out = new PrefixingOutputStream(console, "a")) {
            out.write(invalid);
        }
        byte[] expected = new byte[4 + invalid.length];
        System.arraycopy("[a] ".getBytes(UTF_8), 0, expected, 0, 4);
        System.arraycopy(invalid, 0, expected, 4, invalid.length);
        assertThat(console.toByteArray()).isEqualTo(expected);
    }

    @Test
    void aLongLineIsEmittedInPrefixedPiecesOfBoundedSize() throws IOException {
        int max = PrefixingOutputStream.MAX_LINE;
        String line = "x".repeat(2 * max + 10);
        try (OutputStream out = new PrefixingOutputStream(console, "a")) {
            out.write((line + "\nnext\n").getBytes(UTF_8));
        }
        assertThat(console().split("\n", -1)).containsExactly(
                "[a] " + "x".repeat(max), "[a] " + "x".repeat(max), "[a] " + "x".repeat(10), "[a] next", "");
    }

    @Test
    void aLineOfExactlyTheMaximumStaysWholeByteByByteAndInBulk() throws IOException {
        String line = "y".repeat(PrefixingOutputStream.MAX_LINE);
        try (OutputStream out = new PrefixingOutputStream(console, "a")) {
            out.write((line + "\n").getBytes(UTF_8));
            for (byte b : (line + "\n").getBytes(UTF_8)) {
                out.write(b);
            }
        }
        assertThat(console()).isEqualTo("[a] " + line + "\n[a] " + line + "\n");
    }

    /**
     * A console that, unlike ByteArrayOutputStream, does not synchronize by itself and notices two
     * writes at once: the lock on the downstream is what has to keep lines apart.
     */
    private static final class UnsynchronizedConsole extends OutputStream {
        private final java.util.concurrent.atomic.AtomicBoolean busy = new java.util.concurrent.atomic.AtomicBoolean();
        private final ByteArrayOutputStream bytes;
        private volatile boolean overlapped;

        UnsynchronizedConsole(ByteArrayOutputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!busy.compareAndSet(false, true)) {
                overlapped = true;
            }
            Thread.yield(); // widen the window a missing lock would leave open
            bytes.write(b, off, len);
            busy.set(false);
        }
    }

    /** Writers of random chunk sizes share one console; every console line must be one whole line of one writer. */
    @Test
    void concurrentWritersNeverInterleaveWithinALine() throws Exception {
        UnsynchronizedConsole shared = new UnsynchronizedConsole(console);
        int writers = 8;
        int lines = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String id = "w" + w;
            Random random = new Random(w);
            done.add(pool.submit(() -> {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < lines; i++) {
                    text.append(id).append(" line ").append(i).append(" ").append("z".repeat(random.nextInt(40)))
                            .append('\n');
                }
                text.append(id).append(" tail");
                byte[] bytes = text.toString().getBytes(ISO_8859_1);
                go.await();
                try (OutputStream out = new PrefixingOutputStream(shared, id)) {
                    for (int off = 0; off < bytes.length; ) {
                        int n = Math.min(bytes.length - off, 1 + random.nextInt(50));
                        if (n == 1) {
                            out.write(bytes[off]);
                        } else {
                            out.write(bytes, off, n);
                        }
                        off += n;
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(shared.overlapped).as("two writes reached the console at once").isFalse();

        Pattern shape = Pattern.compile("\\[(w\\d)\\] (w\\d) (?:line (\\d+) z*|tail)");
        Map<String, Integer> next = new HashMap<>();
        String[] consoleLines = console().split("\n", -1);
        assertThat(consoleLines).hasSize(writers * (lines + 1) + 1);
        assertThat(consoleLines[consoleLines.length - 1]).isEmpty();
        for (String l : List.of(consoleLines).subList(0, consoleLines.length - 1)) {
            Matcher m = shape.matcher(l);
            assertThat(m.matches()).as(l).isTrue();
            assertThat(m.group(1)).isEqualTo(m.group(2));
            int expected = next.getOrDefault(m.group(1), 0);
            assertThat(m.group(3) == null ? lines : Integer.parseInt(m.group(3))).as(l).isEqualTo(expected);
            next.put(m.group(1), expected + 1);
        }
        assertThat(next).hasSize(writers).allSatisfy((w, count) -> assertThat(count).isEqualTo(lines + 1));
    }
}
