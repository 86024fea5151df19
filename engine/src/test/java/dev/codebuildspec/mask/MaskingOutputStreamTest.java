package dev.codebuildspec.mask;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stream behaviour beyond plain matching: what is released when, closing, and the memory bound. */
class MaskingOutputStreamTest {

    /** Records what reached it and how often it was flushed. */
    private static final class Recorder extends ByteArrayOutputStream {
        int flushes;
        int writes;
        boolean closed;

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes++;
            super.write(b, off, len);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }

        String text() {
            return toString(UTF_8);
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(UTF_8));
    }

    @Test
    void textThatCannotStartASecretGoesDownstreamWithoutFlush() throws IOException {
        Recorder down = new Recorder();
        OutputStream out = SecretMasker.of(List.of("abc")).wrap(down);
        write(out, "hello world\n");
        assertThat(down.text()).isEqualTo("hello world\n");
        assertThat(down.writes).isEqualTo(1);
    }

    @Test
    void flushKeepsAPossibleSecretPrefixButReleasesTheRest() throws IOException {
        Recorder down = new Recorder();
        OutputStream out = SecretMasker.of(List.of("abcdef")).wrap(down);
        write(out, "xyz abc");
        out.flush();
        assertThat(down.text()).isEqualTo("xyz ");
        assertThat(down.flushes).isEqualTo(1);
        write(out, "def!");
        assertThat(down.text()).isEqualTo("xyz ***!");
        write(out, "abcdeX");
        out.flush();
        assertThat(down.text()).isEqualTo("xyz ***!abcdeX");
    }

    @Test
    void heldPrefixIsOnlyTheLongestSuffixThatCanStillGrow() throws IOException {
        Recorder down = new Recorder();
        MaskingOutputStream out = SecretMasker.of(List.of("abcd", "cdx")).wrap(down);
        write(out, "zzabc");
        assertThat(out.heldBytes()).isEqualTo(3);
        assertThat(down.text()).isEqualTo("zz");
        write(out, "d"); // "abcd" completes; nothing can extend it
        assertThat(out.heldBytes()).isZero();
        assertThat(down.text()).isEqualTo("zz***");
        write(out, "abc");
        write(out, "q"); // "abcq" is nothing, and no suffix of it begins a secret
        assertThat(down.text()).isEqualTo("zz***abcq");
    }

    @Test
    void completeMatchWaitsWhileALongerSecretCouldStillMatch() throws IOException {
        Recorder down = new Recorder();
        MaskingOutputStream out = SecretMasker.of(List.of("pass", "password")).wrap(down);
        write(out, "pass");
        out.flush();
        assertThat(down.text()).isEmpty();
        write(out, "wor");
        assertThat(down.text()).isEmpty();
        write(out, "k");
        assertThat(down.text()).isEqualTo("***work");
        write(out, "password");
        assertThat(down.text()).isEqualTo("***work***");
    }

    @Test
    void closeReleasesHeldBytesAndClosesDownstream() throws IOException {
        Recorder down = new Recorder();
        OutputStream out = SecretMasker.of(List.of("abc", "ab1234")).wrap(down);
        write(out, "x ab12");
        assertThat(down.text()).isEqualTo("x ");
        out.close();
        assertThat(down.text()).isEqualTo("x ab12");
        assertThat(down.closed).isTrue();
        out.close(); // idempotent
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void closeMasksAPendingMatchAndWhatFollowsIt() throws IOException {
        Recorder down = new Recorder();
        OutputStream out = SecretMasker.of(List.of("ab", "abcdefg", "cd")).wrap(down);
        write(out, "-abcde");
        out.close();
        assertThat(down.text()).isEqualTo("-******e");
    }

    @Test
    void manyMasksInOneWriteReachDownstreamAsOneChunk() throws IOException {
        Recorder down = new Recorder();
        OutputStream out = SecretMasker.of(List.of("s3cr3t")).wrap(down);
        write(out, "a s3cr3t b s3cr3t c s3cr3t d\n".repeat(50));
        assertThat(down.writes).isEqualTo(1);
        assertThat(down.text()).isEqualTo("a *** b *** c *** d\n".repeat(50));
    }

    @Test
    void emptyMaskerPassesEverythingThrough() throws IOException {
        Recorder down = new Recorder();
        OutputStream out = SecretMasker.none().wrap(down);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        out.write(all);
        assertThat(down.toByteArray()).isEqualTo(all);
    }

    /**
     * 50 MB with a secret every few KB, split at random points, compared by digest against the expected
     * output, which is generated alongside; neither side is held in memory.
     */
    @Test
    void fiftyMegabytesStreamInBoundedMemory() throws Exception {
        Random random = new Random(5);
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            secrets.add(randomString(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8 + random.nextInt(40)));
        }
        SecretMasker masker = SecretMasker.of(secrets);

        // One megabyte of log-like text (lowercase, so it cannot touch a secret) with secrets sprinkled in.
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        ByteArrayOutputStream expectedBlock = new ByteArrayOutputStream();
        while (block.size() < 1 << 20) {
            byte[] filler = randomString(random, "abcdefghijklmnopqrstuvwxyz  \n", 1 + random.nextInt(4000))
                    .getBytes(UTF_8);
            byte[] secret = secrets.get(random.nextInt(secrets.size())).getBytes(UTF_8);
            block.writeBytes(filler);
            block.writeBytes(secret);
            expectedBlock.writeBytes(filler);
            expectedBlock.writeBytes(SecretMasker.MASK.getBytes(UTF_8));
        }
        block.writeBytes(" ".getBytes(UTF_8));
        expectedBlock.writeBytes(" ".getBytes(UTF_8));
        byte[] in = block.toByteArray();
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        int repeats = 50;
        for (int r = 0; r < repeats; r++) {
            expected.update(expectedBlock.toByteArray());
        }

        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                actual.update((byte) b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                actual.update(b, off, len);
            }
        };
        byte[] chunk = new byte[70_000];
        try (MaskingOutputStream out = masker.wrap(sink)) {
            long remaining = (long) in.length * repeats;
            int pos = 0;
            while (remaining > 0) {
                int n = (int) Math.min(remaining, 1 + random.nextInt(chunk.length));
                for (int k = 0; k < n; k++) { // wrap around the block
                    chunk[k] = in[pos];
                    pos = pos + 1 == in.length ? 0 : pos + 1;
                }
                out.write(chunk, 0, n);
                remaining -= n;
                assertThat(out.heldBytes()).isLessThan(48);
            }
        }
        assertThat(actual.digest()).isEqualTo(expected.digest());
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
