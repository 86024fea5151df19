package io.jenkins.plugins.codebuildspec.mask;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretSetTest {

    private static List<String> patterns(String... values) {
        return SecretSet.of(Arrays.asList(values)).patterns().stream().map(p -> new String(p, UTF_8)).toList();
    }

    @Test
    void emptyAndNullValuesAreIgnored() {
        assertThat(patterns("", null)).isEmpty();
        assertThat(SecretSet.of(List.of("")).isEmpty()).isTrue();
    }

    @Test
    void shortValuesAreKept() {
        assertThat(patterns("x", "yz")).containsExactly("x", "yz");
    }

    @Test
    void multiLineValueAddsEachNonEmptyLineWithoutTerminators() {
        assertThat(patterns("one\ntwo\r\n\r\nthree\n")).containsExactly("one\ntwo\r\n\r\nthree\n", "one", "two", "three");
        assertThat(patterns("a\rb")).containsExactly("a\rb", "a", "b");
    }

    @Test
    void duplicatesCollapse() {
        assertThat(patterns("dup", "dup", "x\ndup")).containsExactly("dup", "x\ndup", "x");
    }

    @Test
    void maxLengthIsInBytes() {
        assertThat(SecretSet.of(List.of("é", "ab")).maxLength()).isEqualTo(2);
        assertThat(SecretSet.of(List.of("🔑")).maxLength()).isEqualTo(4);
    }
}
