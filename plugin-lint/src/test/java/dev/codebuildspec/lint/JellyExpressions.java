package dev.codebuildspec.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ${...}} expressions in an attribute value or a text node, as Jelly finds them: from
 * {@code ${} to the matching {@code }}, quotes and nested braces respected.
 */
final class JellyExpressions {
    private JellyExpressions() {
    }

    /** The bodies (the text between {@code ${} and its closing brace) in {@code text}. */
    static List<String> in(String text) throws LintProblem {
        List<String> bodies = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = text.indexOf("${", from);
            if (start < 0) {
                return bodies;
            }
            int end = closingBrace(text, start + 2);
            if (end < 0) {
                throw new LintProblem("'" + text.substring(start) + "' has no closing '}'");
            }
            bodies.add(text.substring(start + 2, end));
            from = end + 1;
        }
    }

    private static int closingBrace(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }
}
