package dev.codebuildspec.mask;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade, with hand-written expectations (they also pin down the reference masker's rules). */
class SecretMaskerTest {

    private static String mask(String text, String... secrets) {
        return SecretMasker.of(List.of(secrets)).mask(text);
    }

    @Test
    void replacesEveryOccurrence() {
        assertThat(mask("token=s3cr3t and s3cr3ts3cr3t", "s3cr3t")).isEqualTo("token=*** and ******");
    }

    @Test
    void leftmostMatchWinsThenLongest() {
        assertThat(mask("ababab", "abab", "bab")).isEqualTo("***ab");
        assertThat(mask("xbabab", "abab", "bab")).isEqualTo("x***ab");
        assertThat(mask("password pass", "pass", "password")).isEqualTo("*** ***");
        assertThat(mask("abcd", "bc", "abcd")).isEqualTo("***");
        assertThat(mask("abcx", "bc", "abcd")).isEqualTo("a***x");
        assertThat(mask("aaaa", "aa")).isEqualTo("******");
    }

    @Test
    void shortSecretsAreMaskedToo() {
        assertThat(mask("a cat", "a")).isEqualTo("*** c***t");
    }

    @Test
    void multiLineSecretIsMaskedWholeAndLineByLine() {
        String key = "-----BEGIN-----\r\nAAAA\r\n-----END-----\r\n";
        assertThat(mask("x" + key + "y", key)).isEqualTo("x***y");
        assertThat(mask("echo 'AAAA'", key)).isEqualTo("echo '***'");
        assertThat(mask("-----END-----\n", key)).isEqualTo("***\n");
    }

    @Test
    void secretEqualToTheMaskIsIndistinguishable() {
        assertThat(mask("a***b", "***")).isEqualTo("a***b");
        assertThat(mask("**", "*")).isEqualTo("******");
    }

    @Test
    void unicodeAndInvalidBytes() {
        assertThat(mask("clé=🔑é", "🔑é")).isEqualTo("clé=***");
        SecretMasker masker = SecretMasker.of(List.of("é"));
        byte[] input = {(byte) 0xc3, (byte) 0xff, (byte) 0xc3, (byte) 0xa9, (byte) 0xa9};
        assertThat(masker.mask(input)).isEqualTo(new byte[] {(byte) 0xc3, (byte) 0xff, '*', '*', '*', (byte) 0xa9});
    }

    @Test
    void noneAndEmpty() {
        assertThat(SecretMasker.none().isEmpty()).isTrue();
        assertThat(SecretMasker.of(List.of("", "")).isEmpty()).isTrue();
        assertThat(SecretMasker.of(List.of("x")).isEmpty()).isFalse();
        assertThat(SecretMasker.none().mask("anything")).isEqualTo("anything");
        byte[] bytes = "abc".getBytes(UTF_8);
        assertThat(SecretMasker.none().mask(bytes)).isEqualTo(bytes).isNotSameAs(bytes);
    }
}
