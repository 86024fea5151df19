package io.jenkins.plugins.codebuildspec.jenkins;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretFormsTest {
    @Test
    void literalQuotedAndEncodedFormsLongestFirst() {
        List<String> forms = SecretForms.of(List.of("it's$ecret"));
        assertTrue(forms.contains("it's$ecret"));
        assertTrue(forms.contains("it'\\''s$ecret"));
        assertTrue(forms.contains("it's\\$ecret"));
        assertTrue(forms.contains(Base64.getEncoder().encodeToString("it's$ecret".getBytes(StandardCharsets.UTF_8))));
        for (int i = 1; i < forms.size(); i++) {
            assertTrue(forms.get(i - 1).length() >= forms.get(i).length());
        }
    }

    @Test
    void base64InsideALongerEncodingIsFound() {
        String secret = "s3cr3t-value";
        List<String> forms = SecretForms.of(List.of(secret));
        for (String prefix : List.of("", "a", "ab")) {
            String encoded = Base64.getEncoder().encodeToString((prefix + secret + "tail").getBytes(StandardCharsets.UTF_8));
            assertTrue(forms.stream().anyMatch(encoded::contains), "shift " + prefix.length());
        }
    }

    @Test
    void shortValuesKeptDerivedShortFormsDropped() {
        List<String> forms = SecretForms.of(List.of("ab", ""));
        assertTrue(forms.contains("ab"));
        assertFalse(forms.contains(""));
        assertTrue(forms.stream().allMatch(f -> f.equals("ab") || f.length() >= 3));
    }

    @Test
    void multiLineValuesAlsoByLine() {
        List<String> forms = SecretForms.of(List.of("line one\nline two"));
        assertTrue(forms.contains("line one"));
        assertTrue(forms.contains("line two"));
        assertTrue(forms.contains("line one\nline two"));
    }
}
