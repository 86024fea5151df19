package dev.codebuildspec.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code ${%key(arg,...)}} expression split as Stapler's {@code InternationalizedStringExpression} splits
 * it: the key runs to the first {@code (}; what follows, up to the closing {@code )}, is a list of
 * arguments separated by top-level commas, each a JEXL expression. So {@code ${%Timeout (minutes)}} is the
 * key "Timeout " with the argument {@code minutes}: the text in parentheses never reaches the page.
 */
record StaplerMessage(String key, List<String> arguments) {

    /** {@code body} is the text between {@code ${%} and the closing brace. */
    static StaplerMessage parse(String body) throws LintProblem {
        int open = body.indexOf('(');
        if (open < 0) {
            return new StaplerMessage(body, List.of());
        }
        String rest = body.substring(open + 1);
        List<String> args = new ArrayList<>();
        while (!rest.isEmpty()) {
            int end = argumentEnd(rest).orElseThrow(() -> new LintProblem(
                    "'${%" + body + "}' is missing ')' at the end (Stapler reads '(' as the start of arguments)"));
            args.add(rest.substring(0, end));
            rest = rest.substring(end + 1);
        }
        return new StaplerMessage(body.substring(0, open), args);
    }

    /** Where the argument at the start of {@code text} ends (a top-level ',' or ')'), as Stapler tokenizes. */
    private static Optional<Integer> argumentEnd(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case ',' -> {
                    if (depth == 0) {
                        return Optional.of(i);
                    }
                }
                case '(', '{', '[' -> depth++;
                case ')' -> {
                    if (depth == 0) {
                        return Optional.of(i);
                    }
                    depth--;
                }
                case '}', ']' -> depth--;
                case '"', '\'' -> {
                    int close = text.indexOf(c, i + 1);
                    if (close < 0) {
                        return Optional.empty();
                    }
                    i = close;
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    /** The placeholders {0}..{n-1} the pattern must hold so that no argument is silently dropped. */
    List<String> unusedArguments(String pattern) {
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            if (!pattern.contains("{" + i + "}") && !pattern.contains("{" + i + ",")) {
                unused.add(arguments.get(i));
            }
        }
        return unused;
    }
}
