package io.jenkins.plugins.codebuildspec.mask;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The byte patterns to mask, derived from secret values.
 *
 * <p>Empty values carry nothing to hide and are dropped. Short values (one or two characters) are kept: a
 * leaked short secret is still a leak, so a noisy log is the lesser evil.
 *
 * <p>A multi-line value contributes itself and each non-empty line, because a tool may print the lines of a
 * key or certificate separately, re-wrapped or re-indented. Lines are split the way {@link String#lines()}
 * does ({@code \n}, {@code \r\n}, and a lone {@code \r}), so the terminator never belongs to the line.
 */
final class SecretSet {

    private final List<byte[]> patterns;
    private final int maxLength;

    private SecretSet(List<byte[]> patterns) {
        this.patterns = Collections.unmodifiableList(patterns);
        this.maxLength = patterns.stream().mapToInt(p -> p.length).max().orElse(0);
    }

    static SecretSet of(Collection<String> values) {
        // ByteBuffer compares by content, so duplicates (a line equal to another secret, say) collapse.
        Set<ByteBuffer> unique = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.isEmpty()) {
                continue;
            }
            unique.add(utf8(value));
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                value.lines().filter(line -> !line.isEmpty()).forEach(line -> unique.add(utf8(line)));
            }
        }
        List<byte[]> patterns = new ArrayList<>(unique.size());
        for (ByteBuffer b : unique) {
            patterns.add(b.array());
        }
        return new SecretSet(patterns);
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The distinct patterns; callers must not modify the arrays. */
    List<byte[]> patterns() {
        return patterns;
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    int maxLength() {
        return maxLength;
    }
}
