package dev.codebuildspec.mask;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming masker against the reference, on random secret sets and random inputs (seeded). */
class MaskingPropertyTest {

    /** Tiny alphabets make overlaps, shared prefixes and near misses the common case rather than the rare one. */
    @Test
    void overlappingSecretsOverSmallAlphabet() {
        Random random = new Random(20240601);
        for (int round = 0; round < 3000; round++) {
            List<String> secrets = new ArrayList<>();
            int count = 1 + random.nextInt(5);
            for (int k = 0; k < count; k++) {
                secrets.add(randomString(random, "abc", 1 + random.nextInt(round % 3 == 0 ? 12 : 5)));
            }
            check(SecretMasker.of(secrets), random, "abcd\n", round);
        }
    }

    /** All secrets at least 4 bytes long: the scan then skips ahead by windows, which must miss nothing. */
    @Test
    void longerSecretsUseTheWindowSkip() {
        Random random = new Random(11);
        for (int round = 0; round < 1500; round++) {
            List<String> secrets = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int k = 0; k < count; k++) {
                secrets.add(randomString(random, round % 2 == 0 ? "abc" : "abcdefgh", 4 + random.nextInt(10)));
            }
            check(SecretMasker.of(secrets), random, "abcdefghxyz\n", round);
        }
    }

    @Test
    void corpusSubsetsWithNoiseAndFragments() {
        Random random = new Random(7);
        List<String> corpus = SecretCorpus.all();
        corpus.remove(SecretCorpus.LONG);
        for (int round = 0; round < 1500; round++) {
            List<String> secrets = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int k = 0; k < count; k++) {
                secrets.add(corpus.get(random.nextInt(corpus.size())));
            }
            check(SecretMasker.of(secrets), random, "ab *.\n\r\"é🔑", round);
        }
    }

    @Test
    void wholeCorpusAtOnceIncludingLongSecret() {
        Random random = new Random(99);
        SecretMasker masker = SecretMasker.of(SecretCorpus.all());
        for (int round = 0; round < 40; round++) {
            check(masker, random, "xyz *\n", round);
        }
    }

    /** A short secret inside a long self-similar one: the case that forces re-scanning after a match. */
    @Test
    void shortSecretInsideSelfOverlappingLongOne() {
        Random random = new Random(3);
        SecretMasker masker = SecretMasker.of(List.of("a", "aaaaaaab", "ab", "baaa"));
        for (int round = 0; round < 500; round++) {
            check(masker, random, "ab", round);
        }
    }

    private static void check(SecretMasker masker, Random random, String noise, int round) {
        byte[] input = randomInput(random, masker.patterns(), noise);
        byte[] expected = ReferenceMasker.mask(masker.patterns(), input);
        byte[] actual = Streams.maskRandomChunks(masker, input, random);
        assertThat(actual).as("round %d, input %s", round, new String(input, UTF_8)).isEqualTo(expected);
        if (round % 10 == 0) {
            assertThat(Streams.maskBytewise(masker, input)).as("round %d bytewise", round).isEqualTo(expected);
        }
        MaskingOutputStreamCorpusTest.assertNoRawSecret(masker, actual);
    }

    /** Whole patterns, their prefixes and suffixes, noise characters and stray non-UTF-8 bytes. */
    private static byte[] randomInput(Random random, List<byte[]> patterns, String noise) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = random.nextInt(60);
        for (int i = 0; i < pieces; i++) {
            byte[] p = patterns.get(random.nextInt(patterns.size()));
            switch (random.nextInt(6)) {
                case 0, 1 -> out.writeBytes(p);
                case 2 -> out.write(p, 0, random.nextInt(p.length + 1));
                case 3 -> {
                    int from = random.nextInt(p.length + 1);
                    out.write(p, from, p.length - from);
                }
                case 4 -> out.writeBytes(randomString(random, noise, 1 + random.nextInt(4)).getBytes(UTF_8));
                default -> out.write(new byte[] {(byte) 0xff, (byte) 0xc3, (byte) 0x80}, 0, 1 + random.nextInt(3));
            }
        }
        return out.toByteArray();
    }

    private static String randomString(Random random, String alphabet, int length) {
        int[] cps = alphabet.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return b.toString();
    }
}
