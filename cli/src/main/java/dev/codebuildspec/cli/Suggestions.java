package dev.codebuildspec.cli;

import java.util.List;

/** Which known names a mistyped one is close to: one a prefix of the other, or at most two edits apart. */
final class Suggestions {
    private Suggestions() {
    }

    static boolean close(String given, String candidate) {
        String a = given.replaceFirst("^-+", "");
        String b = candidate.replaceFirst("^-+", "");
        if (a.length() < 2) {
            return false;
        }
        return b.startsWith(a) || a.startsWith(b) || distance(a, b) <= Math.min(2, a.length() / 3);
    }

    /** "; did you mean --image?" or "; did you mean --source or --secret?"; empty for none. */
    static String phrase(List<String> names) {
        return names.isEmpty() ? "" : "; did you mean " + String.join(" or ", names) + "?";
    }

    /** Levenshtein distance, for names a few characters long. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(change, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
