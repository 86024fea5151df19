package dev.codebuildspec.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretFormsTest {
    private static final String VALUE = "it's S3cr3t/V@lue";

    @Test
    void shellQuotedFormsAsEachShellTracesThem() {
        List<String> forms = SecretForms.of(List.of(VALUE, "tab\there \\ $x"));
        assertThat(forms).contains(VALUE)
                .contains("it'\\''s S3cr3t/V@lue") // bash set -x, export -p of bash and dash
                .contains("it'\"'\"'s S3cr3t/V@lue") // busybox ash set -x
                .contains("it\\'s S3cr3t/V@lue") // bash declare -p / $'...'
                .contains("it\\'s\\ S3cr3t/V@lue") // printf %q
                .contains("tab\\there \\\\ $x"); // $'...' with a tab and a backslash
    }

    @Test
    void dollarsDoubledAsJenkinsEscapesThem() {
        assertThat(SecretForms.of(List.of("pa$$w0rd$"))).contains("pa$$$$w0rd$$");
    }

    @Test
    void encodedForms() {
        List<String> forms = SecretForms.of(List.of("p@ss/w\"rd"));
        assertThat(forms).contains("p%40ss%2Fw%22rd") // a URL
                .contains("p@ss/w\\\"rd", "p@ss\\/w\\\"rd") // a JSON string
                .contains(Base64.getEncoder().encodeToString("p@ss/w\"rd".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void base64InsideALongerEncodingIsFoundAtEveryAlignmentWithAndWithoutATrailingNewline() {
        String secret = "s3cr3t-value";
        List<String> forms = SecretForms.of(List.of(secret));
        for (String prefix : List.of("", "a", "ab", "user:")) {
            for (String suffix : List.of("", "\n", "tail")) {
                for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                    String encoded = enc.encodeToString((prefix + secret + suffix).getBytes(StandardCharsets.UTF_8));
                    assertThat(forms).as("%s|%s", prefix, suffix).anyMatch(encoded::contains);
                }
            }
        }
    }

    @Test
    void formsThatStillHoldTheValueAreLeftOutLongestFirst() {
        List<String> forms = SecretForms.of(List.of("plainToken123"));
        assertThat(forms).doesNotContain("'plainToken123'").allMatch(f -> !f.contains("plainToken123") || f.equals("plainToken123"));
        for (int i = 1; i < forms.size(); i++) {
            assertThat(forms.get(i - 1).length()).isGreaterThanOrEqualTo(forms.get(i).length());
        }
    }

    @Test
    void shortValuesKeptDerivedShortFormsDropped() {
        List<String> forms = SecretForms.of(List.of("ab", ""));
        assertThat(forms).contains("ab").doesNotContain("");
        assertThat(forms).allMatch(f -> f.equals("ab") || f.length() >= SecretForms.MIN_DERIVED);
    }

    @Test
    void multiLineValuesAlsoByLine() {
        List<String> forms = SecretForms.of(List.of("line one\nline two"));
        assertThat(forms).contains("line one", "line two", "line one\nline two", "line one\\nline two");
    }
}
