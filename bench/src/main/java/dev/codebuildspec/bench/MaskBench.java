package dev.codebuildspec.bench;

import dev.codebuildspec.mask.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * P7: the masking engine alone over 100 MB of log text, against a plain copy of the same bytes. Both write
 * the text in the same 64 KiB chunks (the output pump's read size) into the same sink, which copies every
 * byte into a buffer (as a buffered console stream would); the only difference is the masking stream in
 * between. One operation is one pass over the 100 MB.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class MaskBench {
    static final int SIZE = 100_000_000;
    static final int CHUNK = 65536;

    /** The text is the same for every benchmark: it quotes the first secret of the 200-secret set. */
    @State(Scope.Benchmark)
    public static class Text {
        byte[] bytes;

        @Setup(Level.Trial)
        public void setUp() {
            bytes = Workloads.logText(SIZE, Workloads.secrets(1));
        }
    }

    @State(Scope.Benchmark)
    public static class Masker {
        @Param({"1", "20", "200"})
        public int secrets;

        SecretMasker masker;
        /** How far the masker's skip moves on ordinary text: the shortest secret, less the 3-byte block, plus one. */
        int stride;
        final byte[] table = new byte[1 << 16];

        @Setup(Level.Trial)
        public void setUp() {
            masker = SecretMasker.of(Workloads.secrets(secrets));
            stride = Workloads.secrets(secrets).stream().mapToInt(String::length).min().orElse(16) - 2;
            new java.util.Random(1).nextBytes(table);
        }
    }

    /** Copies every byte written into a 1 MiB ring: memory traffic like a real buffered sink, no I/O noise. */
    static final class CopySink extends OutputStream {
        private final byte[] ring = new byte[1 << 20];
        private int at;
        long count;

        @Override
        public void write(int b) {
            ring[at] = (byte) b;
            at = (at + 1) & (ring.length - 1);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            while (len > 0) {
                int n = Math.min(len, ring.length - at);
                System.arraycopy(b, off, ring, at, n);
                at = (at + n) & (ring.length - 1);
                off += n;
                len -= n;
            }
        }
    }

    private static void pump(byte[] text, OutputStream to) throws IOException {
        for (int off = 0; off < text.length; off += CHUNK) {
            to.write(text, off, Math.min(CHUNK, text.length - off));
        }
    }

    @Benchmark
    public long copy(Text text, Blackhole bh) throws IOException {
        CopySink sink = new CopySink();
        pump(text.bytes, sink);
        sink.flush();
        bh.consume(sink.ring);
        return sink.count;
    }

    /**
     * P7's floor: the least a skip scan at the masker's stride can do (one table load per window, nothing else),
     * then the same copy. No masker of this kind can beat it; its ratio to {@link #copy} bounds P7's.
     */
    @Benchmark
    public long scanFloor(Text text, Masker masker, Blackhole bh) {
        CopySink sink = new CopySink();
        byte[] a = text.bytes;
        byte[] table = masker.table;
        int stride = masker.stride;
        int acc = 0;
        for (int off = 0; off < a.length; off += CHUNK) {
            int end = Math.min(a.length, off + CHUNK);
            // four windows per turn of the loop, as the masker's skip takes them
            int i = off;
            for (; i + 3 * stride + 1 < end; i += 4 * stride) {
                acc += table[(a[i] & 0xff) << 8 | (a[i + 1] & 0xff)]
                        + table[(a[i + stride] & 0xff) << 8 | (a[i + stride + 1] & 0xff)]
                        + table[(a[i + 2 * stride] & 0xff) << 8 | (a[i + 2 * stride + 1] & 0xff)]
                        + table[(a[i + 3 * stride] & 0xff) << 8 | (a[i + 3 * stride + 1] & 0xff)];
            }
            for (; i + 1 < end; i += stride) {
                acc += table[(a[i] & 0xff) << 8 | (a[i + 1] & 0xff)];
            }
            sink.write(a, off, end - off);
        }
        bh.consume(acc);
        bh.consume(sink.ring);
        return sink.count;
    }

    @Benchmark
    public long mask(Text text, Masker masker, Blackhole bh) throws IOException {
        CopySink sink = new CopySink();
        try (OutputStream out = masker.masker.wrap(sink)) {
            pump(text.bytes, out);
        }
        bh.consume(sink.ring);
        return sink.count;
    }
}
