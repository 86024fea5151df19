package dev.codebuildspec.mask;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The byte patterns to mask, derived from secret values by {@link SecretForms}: the value, its lines, and
 * the quoted and encoded forms tools print it in. Empty values carry nothing to hide and are dropped.
 */
final class SecretSet {

    private final List<byte[]> patterns;
    private final int maxLength;

    private SecretSet(List<byte[]> patterns) {
        this.patterns = Collections.unmodifiableList(patterns);
        this.maxLength = patterns.stream().mapToInt(p -> p.length).max().orElse(0);
    }

    static SecretSet of(Collection<String> values) {
        // ByteBuffer compares by content, so forms equal as bytes collapse.
        Set<ByteBuffer> unique = new LinkedHashSet<>();
        for (String form : SecretForms.of(values)) {
            unique.add(utf8(form));
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
