package dev.codebuildspec.artifacts;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits and checks a '/'-separated path that must stay inside the directory it is relative to.
 * Shared by patterns, base directories and archive names so all three refuse the same things.
 */
final class RelativePath {
    private RelativePath() {
    }

    /**
     * The segments of {@code text}, without empty segments (doubled or trailing slashes) and without
     * {@code .} segments, so {@code ./dist//app/} is {@code [dist, app]} and {@code .} is no segment at all.
     */
    static List<String> segments(String text) throws PatternError {
        if (text.startsWith("/")) {
            throw new PatternError(text, "is an absolute path; paths are relative to the source directory");
        }
        List<String> out = new ArrayList<>();
        for (String s : text.split("/", -1)) {
            if (s.equals("..")) {
                // Never climb out of the tree, even when the result would land back inside: simpler to audit.
                throw new PatternError(text, "contains a '..' segment");
            }
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return out;
    }

    /** {@link #segments} joined again: the canonical spelling. */
    static String normalize(String text) throws PatternError {
        return String.join("/", segments(text));
    }

    /** {@code child} relative to {@code parent}, both canonical; {@code parent} is "" for the root. */
    static String relativize(String parent, String child) {
        return parent.isEmpty() ? child : child.substring(parent.length() + 1);
    }

    static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
