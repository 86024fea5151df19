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
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
