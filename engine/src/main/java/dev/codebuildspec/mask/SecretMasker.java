package dev.codebuildspec.mask;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * Replaces secret values with {@value #MASK}, in whole strings or in a stream. Immutable and thread-safe.
 *
 * <p>Matching is on UTF-8 bytes. Where secrets overlap, the leftmost match wins, and of those starting at
 * the same place the longest; scanning then resumes after it. See {@link SecretSet} for which patterns a
 * value yields (short values are masked too; multi-line values also line by line).
 */
public final class SecretMasker {

    public static final String MASK = "***";

    private static final byte[] MASK_BYTES = MASK.getBytes(StandardCharsets.UTF_8);
    private static final SecretMasker NONE = new SecretMasker(SecretSet.of(List.of()));

    private final SecretSet secrets;
    private final ByteAutomaton automaton;

    private SecretMasker(SecretSet secrets) {
        this.secrets = secrets;
        this.automaton = new ByteAutomaton(secrets.patterns());
    }

    public static SecretMasker of(Collection<String> values) {
        SecretSet secrets = SecretSet.of(values);
        return secrets.isEmpty() ? NONE : new SecretMasker(secrets);
    }

    public static SecretMasker none() {
        return NONE;
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public String mask(String text) {
        if (isEmpty() || text.isEmpty()) {
            return text;
        }
        // Secrets are whole valid UTF-8 sequences and UTF-8 is self-synchronising, so matches in valid text
        // always fall on character boundaries and the result decodes cleanly.
        return new String(mask(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    public byte[] mask(byte[] bytes) {
        if (isEmpty() || bytes.length == 0) {
            return bytes.clone();
        }
        ByteArrayOutputStream result = new ByteArrayOutputStream(bytes.length);
        try (OutputStream masking = wrap(result)) {
            masking.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
        return result.toByteArray();
    }

    /** A stream that masks what is written to it before passing it on; closing it closes {@code downstream}. */
    public MaskingOutputStream wrap(OutputStream downstream) {
        return new MaskingOutputStream(downstream, automaton, MASK_BYTES);
    }

    /** The byte patterns actually searched for; tests compare against a reference matcher. */
    List<byte[]> patterns() {
        return secrets.patterns();
    }
}
