package dev.codebuildspec.cli;

import dev.codebuildspec.parse.EditDistance;
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
        return b.startsWith(a) || a.startsWith(b) || EditDistance.of(a, b) <= Math.min(2, a.length() / 3);
    }

    /** "; did you mean --image?" or "; did you mean --source or --secret?"; empty for none. */
    static String phrase(List<String> names) {
        return names.isEmpty() ? "" : "; did you mean " + String.join(" or ", names) + "?";
    }
}
