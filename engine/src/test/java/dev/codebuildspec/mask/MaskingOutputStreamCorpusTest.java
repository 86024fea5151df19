package dev.codebuildspec.mask;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each corpus secret, alone, in the places a log puts it, pushed through the stream every way we can split
 * it. The expected output always comes from {@link ReferenceMasker}.
 */
class MaskingOutputStreamCorpusTest {

    private static final byte[] INVALID_UTF8 = {(byte) 0xff, (byte) 0xc3, (byte) 0x80, (byte) 0xfe, (byte) 0xe2};

    static Stream<String> secrets() {
        return SecretCorpus.all().stream();
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void masksSecretInEveryContextAndSplit(String secret) {
        SecretMasker masker = SecretMasker.of(List.of(secret));
        Random random = new Random(secret.hashCode());
        for (byte[] input : contexts(secret)) {
            byte[] expected = ReferenceMasker.mask(masker.patterns(), input);

            assertThat(Streams.maskWhole(masker, input)).isEqualTo(expected);
            assertThat(masker.mask(input)).isEqualTo(expected);
            assertNoRawSecret(masker, expected);
            if (input.length <= 300) {
                for (int split = 0; split <= input.length; split++) {
                    assertThat(Streams.maskSplitAt(masker, input, split)).as("split at %d", split).isEqualTo(expected);
                }
                assertThat(Streams.maskBytewise(masker, input)).isEqualTo(expected);
            }
            int rounds = input.length > 10_000 ? 5 : 50;
            for (int r = 0; r < rounds; r++) {
                assertThat(Streams.maskRandomChunks(masker, input, random)).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void secretAloneOnALineBecomesTheMask(String secret) {
        SecretMasker masker = SecretMasker.of(List.of(secret));
        String line = "value=" + secret + "!\n";
        // Only secrets that share bytes with the surrounding text can turn out differently.
        if (!"value=!\n".chars().anyMatch(c -> secret.indexOf(c) >= 0)) {
            assertThat(masker.mask(line)).isEqualTo("value=***!\n");
        }
        assertThat(masker.mask(line)).doesNotContain(secret.isEmpty() ? "\u0000\u0000" : nonMaskPart(secret));
    }

    /** Start, middle and end of a stream, back to back, and next to bytes that are not UTF-8 at all. */
    private static List<byte[]> contexts(String secret) {
        byte[] s = secret.getBytes(UTF_8);
        List<byte[]> inputs = new ArrayList<>();
        inputs.add(s);
        inputs.add(concat("before ".getBytes(UTF_8), s, " after\n".getBytes(UTF_8)));
        inputs.add(concat(s, s, s));
        inputs.add(concat(s, "tail".getBytes(UTF_8)));
        inputs.add(concat("head".getBytes(UTF_8), s));
        inputs.add(concat(INVALID_UTF8, s, new byte[] {(byte) 0xc3}, s, INVALID_UTF8));
        // A prefix of the secret that never completes, then the real thing.
        inputs.add(concat(java.util.Arrays.copyOf(s, Math.max(0, s.length - 1)), "x".getBytes(UTF_8), s));
        return inputs;
    }

    /**
     * Asserts no pattern survives. The one exception the rules allow: a pattern containing the mask's
     * {@code *} can reappear formed by the mask and the text next to it (secret {@code *} itself becomes
     * {@code ***}); masking is a single pass and does not re-scan its own output.
     */
    static void assertNoRawSecret(SecretMasker masker, byte[] output) {
        for (byte[] p : masker.patterns()) {
            if (new String(p, UTF_8).indexOf('*') < 0) {
                assertThat(ReferenceMasker.contains(output, p)).as("raw secret %s in output", abbreviate(p)).isFalse();
            }
        }
    }

    private static String nonMaskPart(String secret) {
        return secret.contains("*") ? "\u0000\u0000" : secret;
    }

    private static String abbreviate(byte[] p) {
        String s = new String(p, UTF_8);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
