package dev.codebuildspec.mask;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hashed triple skip: every hash is safe, and each stream moves to the hash that stops least on its text. */
class TripleSkipTest {

    private static final int MIB = 1 << 20;

    private static TripleSkip.Choice choice() {
        return new TripleSkip.Choice(new TripleSkip(List.of("secret-value".getBytes(UTF_8)), 12));
    }

    @Test
    void choiceTriesEachHashThenKeepsTheOneThatStopsLeast() {
        TripleSkip.Choice choice = choice();
        choice.count(1000, MIB);
        assertThat(choice.hash()).as("hash 0 stopped; 1 not tried yet").isEqualTo(1);
        choice.count(10, MIB);
        assertThat(choice.hash()).as("2 not tried yet").isEqualTo(2);
        choice.count(500, MIB);
        assertThat(choice.hash()).isEqualTo(3);
        choice.count(700, MIB);
        assertThat(choice.hash()).as("all tried: 1 stopped least").isEqualTo(1);
        choice.count(20, MIB / 2);
        choice.count(0, MIB / 2);
        assertThat(choice.hash()).as("still the least").isEqualTo(1);
        choice.count(2000, MIB);
        assertThat(choice.hash()).as("the text changed: 2 did better when last tried").isEqualTo(2);
    }

    @Test
    void choiceStaysWithAHashThatNeverStops() {
        TripleSkip.Choice choice = choice();
        for (int k = 0; k < 10; k++) {
            choice.count(0, MIB);
        }
        assertThat(choice.hash()).isZero();
        choice.count(0, MIB - 1);
        choice.count(3, 1);
        assertThat(choice.hash()).as("a period is counted in skipped bytes, across calls").isEqualTo(1);
    }

    @Test
    void noHashSkipsThePlaceWhereAPatternStarts() {
        Random random = new Random(5);
        for (int round = 0; round < 400; round++) {
            List<byte[]> patterns = new ArrayList<>();
            for (int k = 1 + random.nextInt(30); k > 0; k--) {
                patterns.add(randomText(random, "abcdefgh", 6 + random.nextInt(20)));
            }
            ByteAutomaton automaton = new ByteAutomaton(patterns);
            byte[] text = plant(random, patterns, randomText(random, "abcdefghij \n", 200 + random.nextInt(3000)));
            for (int hash = 0; hash < TripleSkip.HASHES; hash++) {
                TripleSkip.Choice choice = new TripleSkip.Choice(new TripleSkip(patterns, automaton.window), hash);
                int i = 0;
                while (i < text.length) {
                    int stop = automaton.skip(text, i, text.length, choice);
                    for (int p = i; p < Math.min(stop, text.length); p++) {
                        assertThat(startsAt(patterns, text, p))
                                .as("round %d, hash %d: skipped from %d to %d past a pattern at %d", round, hash, i, stop, p)
                                .isFalse();
                    }
                    i = stop + 1;
                }
            }
        }
    }

    @Test
    void aStreamThatChangesHashesStillMasksEverySecret() throws IOException {
        Random random = new Random(9);
        List<String> secrets = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            secrets.add(new String(randomText(random, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                    16 + random.nextInt(25)), UTF_8));
        }
        SecretMasker masker = SecretMasker.of(secrets);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String[] words = {"[INFO]", "Compiling", "module", "warning:", "Downloading", "PASS", "test_user_login", "(0.012s)"};
        while (log.size() < 6 * MIB) {
            if (random.nextInt(2000) == 0) {
                log.writeBytes(("export TOKEN=" + secrets.get(random.nextInt(secrets.size())) + "\n").getBytes(UTF_8));
            }
            log.writeBytes((words[random.nextInt(words.length)] + (random.nextInt(8) == 0 ? "\n" : " ")).getBytes(UTF_8));
        }
        byte[] input = log.toByteArray();

        ByteArrayOutputStream down = new ByteArrayOutputStream();
        MaskingOutputStream out = masker.wrap(down);
        Set<Integer> used = new HashSet<>();
        for (int off = 0; off < input.length; off += 65536) {
            out.write(input, off, Math.min(65536, input.length - off));
            used.add(out.hashInUse());
        }
        out.close();

        assertThat(used).as("hashes the stream used").hasSizeGreaterThan(1);
        assertThat(down.toByteArray()).isEqualTo(ReferenceMasker.mask(masker.patterns(), input));
    }

    private static byte[] randomText(Random random, String alphabet, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return b;
    }

    /** The text with whole patterns and pattern prefixes written over it at random places. */
    private static byte[] plant(Random random, List<byte[]> patterns, byte[] text) {
        for (int k = random.nextInt(12); k > 0; k--) {
            byte[] p = patterns.get(random.nextInt(patterns.size()));
            int n = random.nextBoolean() ? p.length : random.nextInt(p.length);
            int at = random.nextInt(Math.max(1, text.length - n));
            System.arraycopy(p, 0, text, at, Math.min(n, text.length - at));
        }
        return text;
    }

    private static boolean startsAt(List<byte[]> patterns, byte[] text, int at) {
        for (byte[] p : patterns) {
            if (at + p.length <= text.length && java.util.Arrays.equals(p, 0, p.length, text, at, at + p.length)) {
                return true;
            }
        }
        return false;
    }
}
