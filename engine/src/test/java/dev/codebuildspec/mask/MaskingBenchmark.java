package dev.codebuildspec.mask;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rough throughput check, run by hand (not by surefire):
 * {@code java -cp engine/target/classes:engine/target/test-classes dev.codebuildspec.mask.MaskingBenchmark}.
 * 100 MB of log-like mixed-case text with 20 secrets sprinkled in, written in 64 KB chunks; the baseline is
 * the same writes into the same copying sink without masking.
 */
public final class MaskingBenchmark {

    /** Copies what it gets, like a file or socket buffer would, so the baseline is a real byte copy. */
    private static final class CopySink extends OutputStream {
        final byte[] buf = new byte[1 << 16];
        long count;

        @Override
        public void write(int b) {
            buf[0] = (byte) b;
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, buf.length);
                System.arraycopy(b, off, buf, 0, n);
                off += n;
                len -= n;
                count += n;
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Random random = new Random(1);
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            secrets.add(random(random, alnum, 16 + random.nextInt(30)));
        }
        SecretMasker masker = SecretMasker.of(secrets);
        StringBuilder text = new StringBuilder();
        while (text.length() < 1 << 20) {
            text.append(random(random, alnum + "      ", 60 + random.nextInt(60))).append('\n');
            if (random.nextInt(20) == 0) {
                text.append("token: ").append(secrets.get(random.nextInt(20))).append('\n');
            }
        }
        byte[] block = text.toString().getBytes(UTF_8);
        int total = 100;

        byte[] whole = new byte[block.length * total];
        for (int round = 0; round < 5; round++) {
            long m0 = System.nanoTime();
            for (int t = 0; t < total; t++) {
                System.arraycopy(block, 0, whole, t * block.length, block.length);
            }
            long memcpy = System.nanoTime() - m0;

            CopySink plainSink = new CopySink();
            long t0 = System.nanoTime();
            pump(plainSink, block, total);
            long plain = System.nanoTime() - t0;

            CopySink maskedSink = new CopySink();
            t0 = System.nanoTime();
            try (OutputStream out = masker.wrap(maskedSink)) {
                pump(out, block, total);
            }
            long masked = System.nanoTime() - t0;
            double mb = (double) block.length * total / (1 << 20);
            System.out.printf("plain (64 KB copies, cache-resident) %.0f MB/s, 100 MB arraycopy %.0f MB/s, "
                    + "masked %.0f MB/s (out %d of %d bytes)%n",
                    mb / (plain / 1e9), mb / (memcpy / 1e9), mb / (masked / 1e9), maskedSink.count, plainSink.count);
        }
    }

    private static void pump(OutputStream out, byte[] block, int times) throws IOException {
        for (int t = 0; t < times; t++) {
            for (int off = 0; off < block.length; off += 1 << 16) {
                out.write(block, off, Math.min(1 << 16, block.length - off));
            }
        }
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
