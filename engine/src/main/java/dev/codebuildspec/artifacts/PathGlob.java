package dev.codebuildspec.artifacts;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One CodeBuild path pattern, matched segment by segment against '/'-separated relative paths.
 *
 * <ul>
 *   <li>{@code *} matches any characters within one segment, a leading dot included: dotfiles match.</li>
 *   <li>{@code **} as a whole segment matches zero or more segments; inside a segment ({@code a**b}) it is
 *       just two {@code *}.</li>
 *   <li>{@code ?} matches exactly one character (one code point), never {@code /}.</li>
 *   <li>Everything else is literal: {@code . + ( ) [ ] { } \} and so on. There are no character classes or
 *       alternatives and no escapes; file names containing {@code *} or {@code ?} can still be selected by
 *       a pattern that matches them.</li>
 * </ul>
 * Matching is case-sensitive and a newline is an ordinary character. Leading {@code ./}, doubled and
 * trailing slashes and {@code .} segments are ignored. Absolute patterns and {@code ..} segments are
 * refused with a {@link PatternError}.
 */
public final class PathGlob {
    /** Stands for a {@code **} segment; compared by identity, never matched. */
    private static final Pattern DOUBLE_STAR = Pattern.compile("**", Pattern.LITERAL);
    /** Stands for a {@code *} segment, which every path segment matches; compared by identity. */
    private static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);

    private final String pattern;
    private final Pattern[] segments;
    /** Per segment: its text when it has no wildcard (compared as a string, not run as a regex), else null. */
    private final String[] literals;
    private final boolean literal;

    private PathGlob(String pattern, Pattern[] segments, String[] literals, boolean literal) {
        this.pattern = pattern;
        this.segments = segments;
        this.literals = literals;
        this.literal = literal;
    }

    public static PathGlob compile(String text) throws PatternError {
        List<String> parts = RelativePath.segments(text);
        Pattern[] compiled = new Pattern[parts.size()];
        String[] literals = new String[compiled.length];
        boolean literal = true;
        for (int i = 0; i < compiled.length; i++) {
            String part = parts.get(i);
            boolean plain = part.indexOf('*') < 0 && part.indexOf('?') < 0;
            literal &= plain;
            literals[i] = plain ? part : null;
            compiled[i] = part.equals("**") ? DOUBLE_STAR : part.equals("*") ? ANY : segment(part);
        }
        return new PathGlob(String.join("/", parts), compiled, literals, literal);
    }

    private static Pattern segment(String part) {
        StringBuilder regex = new StringBuilder();
        StringBuilder run = new StringBuilder();
        part.codePoints().forEach(c -> {
            if (c == '*' || c == '?') {
                if (!run.isEmpty()) {
                    regex.append(Pattern.quote(run.toString()));
                    run.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                run.appendCodePoint(c);
            }
        });
        if (!run.isEmpty()) {
            regex.append(Pattern.quote(run.toString()));
        }
        // DOTALL: a newline in a file name is just a character.
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The canonical spelling: no {@code ./}, no doubled or trailing slashes; "" for {@code .}. */
    public String pattern() {
        return pattern;
    }

    /** True when the pattern has no wildcard: it names one path, which may be a file or a directory. */
    public boolean isLiteral() {
        return literal;
    }

    /** Whether the pattern matches this canonical relative path ("" is the directory itself). */
    public boolean matches(String relativePath) {
        String[] path = split(relativePath);
        return new Matcher(path).full(0, 0);
    }

    /**
     * Whether some path strictly below the directory {@code relativeDirectory} could match: lets a walk
     * skip subtrees no pattern can reach.
     */
    public boolean mayMatchUnder(String relativeDirectory) {
        String[] path = split(relativeDirectory);
        return new Matcher(path).prefix(0, 0);
    }

    private static String[] split(String relativePath) {
        return relativePath.isEmpty() ? new String[0] : relativePath.split("/", -1);
    }

    @Override
    public String toString() {
        return pattern;
    }

    /**
     * Whether pattern segment {@code p} (not {@code **}) matches one path segment. A walk asks this of every
     * file, so {@code *} and wildcard-free segments skip the regex (selecting P4's 20 004 files in a fresh JVM:
     * 36 ms less in the median of seven alternating runs of about 450 ms).
     */
    private boolean segmentMatches(int p, String name) {
        if (segments[p] == ANY) {
            return true;
        }
        String text = literals[p];
        return text != null ? text.equals(name) : segments[p].matcher(name).matches();
    }

    /** Memoised backtracking over (pattern segment, path segment): linear enough even with several {@code **}. */
    private final class Matcher {
        private final String[] path;
        private final byte[] fullMemo;
        private final byte[] prefixMemo;

        Matcher(String[] path) {
            this.path = path;
            this.fullMemo = new byte[(segments.length + 1) * (path.length + 1)];
            this.prefixMemo = new byte[fullMemo.length];
        }

        boolean full(int p, int s) {
            int key = p * (path.length + 1) + s;
            if (fullMemo[key] == 0) {
                fullMemo[key] = (byte) (computeFull(p, s) ? 1 : 2);
            }
            return fullMemo[key] == 1;
        }

        private boolean computeFull(int p, int s) {
            if (p == segments.length) {
                return s == path.length;
            }
            if (segments[p] == DOUBLE_STAR) {
                return full(p + 1, s) || (s < path.length && full(p, s + 1));
            }
            return s < path.length && segmentMatches(p, path[s]) && full(p + 1, s + 1);
        }

        /** All of {@code path} consumed with at least one pattern segment left over for what lies below. */
        boolean prefix(int p, int s) {
            int key = p * (path.length + 1) + s;
            if (prefixMemo[key] == 0) {
                prefixMemo[key] = (byte) (computePrefix(p, s) ? 1 : 2);
            }
            return prefixMemo[key] == 1;
        }

        private boolean computePrefix(int p, int s) {
            if (s == path.length) {
                return p < segments.length;
            }
            if (p == segments.length) {
                return false;
            }
            if (segments[p] == DOUBLE_STAR) {
                return prefix(p + 1, s) || prefix(p, s + 1);
            }
            return segmentMatches(p, path[s]) && prefix(p + 1, s + 1);
        }
    }
}
