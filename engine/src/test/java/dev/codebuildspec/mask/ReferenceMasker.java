package dev.codebuildspec.mask;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** Slow and obviously correct: at each position take the longest pattern that matches there, else copy. */
final class ReferenceMasker {

    private ReferenceMasker() {
    }

    static byte[] mask(List<byte[]> patterns, byte[] input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length);
        int i = 0;
        while (i < input.length) {
            int best = 0;
            for (byte[] p : patterns) {
                if (p.length > best && matchesAt(p, input, i)) {
                    best = p.length;
                }
            }
            if (best > 0) {
                out.writeBytes(SecretMasker.MASK.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                i += best;
            } else {
                out.write(input[i]);
                i++;
            }
        }
        return out.toByteArray();
    }

    static boolean matchesAt(byte[] p, byte[] input, int at) {
        if (at + p.length > input.length) {
            return false;
        }
        for (int k = 0; k < p.length; k++) {
            if (input[at + k] != p[k]) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (matchesAt(needle, haystack, i)) {
                return true;
            }
        }
        return false;
    }
}
