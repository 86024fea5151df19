package dev.codebuildspec.parse;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key a misspelt one was probably meant to be ({@code post-build} for {@code post_build}). */
final class KeySuggester {
    private static final int MAX_DISTANCE = 2;

    private KeySuggester() {
    }

    static Optional<String> suggest(String key, Collection<String> known) {
        String normalized = normalize(key);
        for (String k : known) {
            if (normalize(k).equals(normalized)) {
                return Optional.of(k);
            }
        }
        // Short keys are within distance 2 of too much; allow them only one typo.
        int allowed = key.length() < 4 ? 1 : MAX_DISTANCE;
        String best = null;
        int bestDistance = allowed + 1;
        for (String k : known) {
            int d = distance(normalized, normalize(k));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    // Case and the -/_ confusion are the common mistakes in buildspec keys.
    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_DISTANCE) {
            return MAX_DISTANCE + 1;
        }
        return EditDistance.of(a, b);
    }
}
