package dev.codebuildspec.mask;

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
        assertThat(patterns("x", "yz")).containsExactlyInAnyOrder("x", "yz");
    }

    @Test
    void multiLineValueAddsEachNonEmptyLineWithoutTerminators() {
        assertThat(patterns("one\ntwo\r\n\r\nthree\n")).contains("one\ntwo\r\n\r\nthree\n", "one", "two", "three");
        assertThat(patterns("a\rb")).contains("a\rb", "a", "b");
    }

    @Test
    void duplicatesCollapse() {
        List<String> p = patterns("dup", "dup", "x\ndup");
        assertThat(p).contains("dup", "x\ndup", "x").doesNotHaveDuplicates();
    }

    @Test
    void maxLengthIsInBytes() {
        SecretSet set = SecretSet.of(List.of("é", "ab", "🔑"));
        assertThat(set.maxLength()).isEqualTo(set.patterns().stream().mapToInt(p -> p.length).max().orElseThrow());
        assertThat(patterns("🔑")).contains("🔑");
        assertThat(SecretSet.of(List.of("🔑")).patterns()).anySatisfy(p -> assertThat(p).hasSize(4));
    }
}
