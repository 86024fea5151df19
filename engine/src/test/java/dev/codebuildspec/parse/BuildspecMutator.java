package dev.codebuildspec.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A structured mutator over a corpus of valid buildspecs: byte-level damage (flips, cuts, invalid
 * UTF-8, BOMs, control characters) and YAML-level damage (key swaps, duplicate keys, odd types,
 * tags, alias bombs, deep nesting, huge scalars, tabs). Deterministic for a given {@link Random}.
 */
final class BuildspecMutator {
    private static final String[] KEYS = {"version", "run-as", "env", "proxy", "batch", "phases", "reports",
        "artifacts", "cache", "shell", "variables", "parameter-store", "secrets-manager", "exported-variables",
        "git-credential-helper", "environment_variables", "plaintext", "install", "pre_build", "build",
        "post_build", "on-failure", "runtime-versions", "commands", "finally", "files", "name", "discard-paths",
        "base-directory", "exclude-paths", "enable-symlinks", "s3-prefix", "secondary-artifacts", "paths", "key",
        "fallback-keys", "action", "file-format", "fast-fail", "build-graph", "build-list", "build-matrix",
        "identifier", "depend-on", "ignore-failure", "buildspec", "static", "dynamic", "image", "upload-artifacts",
        "logs", "<<", "?", "-", "build1", "x-unknown", "phases ", " version"};
    private static final String[] VALUES = {"0.2", "0.1", "0.3", "''", "\"\"", "~", "null", "yes", "no", "on",
        "true", "[]", "{}", "[a, b]", "{a: b}", "!!binary aGVsbG8=", "!!python/object:os.system ls", "!!int 3",
        "!!str", "!!map {}", "!!seq []", "!foo bar", "&a x", "*a", "*undefined", ".inf", "-.nan", "0x1F", "0o17",
        "2001-12-14t21:59:43.10-05:00", "|", ">-", "|+\n  x\n", "'it''s'", "\"\\u0000\\x41\\N\"",
        "RETRY-2-[", "RETRY-99999999999999999999", "RETRY-", "ABORT", "CONTINUE", "RETRY--1-x", "RETRY-0",
        "\"a: b\"", "a: b", "- a", "? a", "!!set {a, b}", "!!omap [a: 1]", "<<: *a", "%YAML 1.1", "---", "...",
        "@x", "`x`", "#", "\"unterminated", "'unterminated", "[unterminated", "{unterminated", "\\", "$(rm -rf /)",
        "../../etc/passwd", "/etc/shadow", "**/..", "\u0000", "\u00a0", "\ufeff", "\u2028", "\u0085", "\ud83d\ude00",
        "\ufffe", "\u200b", "RETRY-3-(a+)+$"};
    private static final byte[][] BAD_BYTES = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {0}, {0x1B, '['}, {'\r'}, {'\t'},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80}};

    private static final String FLIP_CHARS = " :-[]{}&*!|>'\"#%@`,?\n\t";

    private final List<byte[]> corpus;

    BuildspecMutator(List<byte[]> corpus) {
        if (corpus.isEmpty()) {
            throw new IllegalArgumentException("empty corpus");
        }
        this.corpus = List.copyOf(corpus);
    }

    /** One input: a corpus entry with 1 to 4 stacked mutations, or a generated hostile document. */
    byte[] next(Random r) {
        int kind = r.nextInt(100);
        if (kind < 4) {
            return generated(r);
        }
        byte[] b = corpus.get(r.nextInt(corpus.size()));
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = mutate(r, b);
        }
        return b;
    }

    private byte[] mutate(Random r, byte[] in) {
        switch (r.nextInt(20)) {
            case 0: return flip(r, in);
            case 1: return cut(r, in);
            case 2: return duplicateRange(r, in);
            case 3: return insert(r, in, BAD_BYTES[r.nextInt(BAD_BYTES.length)]);
            case 4: return lines(r, in, Op.SWAP);
            case 5: return lines(r, in, Op.DUPLICATE);
            case 6: return lines(r, in, Op.DELETE);
            case 7: return replaceKey(r, in);
            case 8: return replaceValue(r, in);
            case 9: return insertLine(r, in);
            case 10: return reindent(r, in);
            case 11: return insert(r, in, "\t".getBytes(StandardCharsets.UTF_8));
            case 12: return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, in);
            case 13: return splice(r, in, corpus.get(r.nextInt(corpus.size())));
            case 14: return insert(r, in, nesting(r).getBytes(StandardCharsets.UTF_8));
            case 15: return insert(r, in, ("\n" + aliasBomb(r)).getBytes(StandardCharsets.UTF_8));
            case 16: return r.nextInt(20) == 0 ? insert(r, in, hugeScalar(r)) : flip(r, in);
            case 17: return lineEndings(r, in);
            case 18: return insert(r, in, VALUES[r.nextInt(VALUES.length)].getBytes(StandardCharsets.UTF_8));
            default: return truncate(r, in);
        }
    }

    private enum Op { SWAP, DUPLICATE, DELETE }

    private static byte[] flip(Random r, byte[] in) {
        if (in.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        byte[] b = in.clone();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            int at = r.nextInt(b.length);
            b[at] = r.nextBoolean() ? (byte) (b[at] ^ (1 << r.nextInt(8))) : (byte) FLIP_CHARS.charAt(r.nextInt(FLIP_CHARS.length()));
        }
        return b;
    }

    private static byte[] cut(Random r, byte[] in) {
        if (in.length < 2) {
            return in;
        }
        int from = r.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + r.nextInt(Math.max(1, in.length / 8)));
        return concat(Arrays.copyOfRange(in, 0, from), Arrays.copyOfRange(in, to, in.length));
    }

    private static byte[] truncate(Random r, byte[] in) {
        return in.length == 0 ? in : Arrays.copyOf(in, r.nextInt(in.length));
    }

    private static byte[] duplicateRange(Random r, byte[] in) {
        if (in.length < 2) {
            return in;
        }
        int from = r.nextInt(in.length);
        int to = Math.min(in.length, from + 1 + r.nextInt(64));
        return insertAt(in, r.nextInt(in.length + 1), Arrays.copyOfRange(in, from, to));
    }

    private static byte[] insert(Random r, byte[] in, byte[] what) {
        return insertAt(in, r.nextInt(in.length + 1), what);
    }

    private static byte[] insertAt(byte[] in, int at, byte[] what) {
        return concat(concat(Arrays.copyOfRange(in, 0, at), what), Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static List<String> splitLines(byte[] in) {
        // ISO-8859-1 keeps every byte as one char, so invalid UTF-8 survives line edits.
        return new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.ISO_8859_1).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] lines(Random r, byte[] in, Op op) {
        List<String> l = splitLines(in);
        if (l.size() < 2) {
            return in;
        }
        int a = r.nextInt(l.size());
        int b = r.nextInt(l.size());
        switch (op) {
            case SWAP -> { String t = l.get(a); l.set(a, l.get(b)); l.set(b, t); }
            case DUPLICATE -> l.add(b, l.get(a)); // a duplicate key when the line is a mapping entry
            case DELETE -> l.remove(a);
        }
        return join(l);
    }

    private static byte[] replaceKey(Random r, byte[] in) {
        List<String> l = splitLines(in);
        int a = r.nextInt(l.size());
        String line = l.get(a);
        int colon = line.indexOf(':');
        if (colon < 0) {
            return in;
        }
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        l.set(a, indent + utf8AsLatin1(KEYS[r.nextInt(KEYS.length)]) + line.substring(colon));
        return join(l);
    }

    private static byte[] replaceValue(Random r, byte[] in) {
        List<String> l = splitLines(in);
        int a = r.nextInt(l.size());
        String line = l.get(a);
        int colon = line.indexOf(": ");
        String v = utf8AsLatin1(VALUES[r.nextInt(VALUES.length)]);
        if (colon >= 0) {
            l.set(a, line.substring(0, colon + 2) + v);
        } else if (line.stripLeading().startsWith("- ")) {
            l.set(a, line.substring(0, line.indexOf("- ") + 2) + v);
        } else {
            return in;
        }
        return join(l);
    }

    private static byte[] insertLine(Random r, byte[] in) {
        List<String> l = splitLines(in);
        String indent = " ".repeat(r.nextInt(4) * 2);
        String key = utf8AsLatin1(KEYS[r.nextInt(KEYS.length)]);
        String line = r.nextBoolean() ? indent + key + ": " + utf8AsLatin1(VALUES[r.nextInt(VALUES.length)])
                : indent + key + ":";
        l.add(r.nextInt(l.size() + 1), line);
        return join(l);
    }

    private static byte[] reindent(Random r, byte[] in) {
        List<String> l = splitLines(in);
        int a = r.nextInt(l.size());
        String s = l.get(a).stripLeading();
        l.set(a, (r.nextInt(4) == 0 ? "\t" : " ".repeat(r.nextInt(9))) + s);
        return join(l);
    }

    private static byte[] lineEndings(Random r, byte[] in) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        String nl = switch (r.nextInt(4)) {
            case 0 -> "\r\n";
            case 1 -> "\r";
            case 2 -> utf8AsLatin1("\u2028");
            default -> utf8AsLatin1("\u0085");
        };
        return s.replace("\n", nl).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] splice(Random r, byte[] a, byte[] b) {
        int i = a.length == 0 ? 0 : r.nextInt(a.length);
        int j = b.length == 0 ? 0 : r.nextInt(b.length);
        return concat(Arrays.copyOf(a, i), Arrays.copyOfRange(b, j, b.length));
    }

    private static String nesting(Random r) {
        int depth = 1 + r.nextInt(r.nextBoolean() ? 60 : 5000);
        return switch (r.nextInt(4)) {
            case 0 -> "[".repeat(depth) + "]".repeat(r.nextInt(depth + 1));
            case 1 -> "{a: ".repeat(depth) + "}".repeat(r.nextInt(depth + 1));
            case 2 -> "- ".repeat(Math.min(depth, 300));
            default -> {
                StringBuilder s = new StringBuilder("\n");
                for (int i = 0; i < Math.min(depth, 300); i++) {
                    s.append(" ".repeat(i)).append("k").append(i).append(":\n");
                }
                yield s.toString();
            }
        };
    }

    static String aliasBomb(Random r) {
        int width = 2 + r.nextInt(10);
        int levels = 2 + r.nextInt(9);
        StringBuilder s = new StringBuilder("b0: &b0 [lol]\n");
        for (int i = 1; i <= levels; i++) {
            s.append('b').append(i).append(": &b").append(i).append(" [");
            for (int w = 0; w < width; w++) {
                s.append(w == 0 ? "" : ",").append("*b").append(i - 1);
            }
            s.append("]\n");
        }
        if (r.nextBoolean()) {
            s.append("m0: &m0 {a: 1}\nm1: &m1 {<<: [*m0, *m0], b: *m0}\nm2: {<<: *m1, c: *m1}\n");
        }
        return s.toString();
    }

    private static byte[] hugeScalar(Random r) {
        int n = r.nextInt(8) != 0 ? 1 << (10 + r.nextInt(10)) : BuildspecParser.MAX_CODE_POINTS + r.nextInt(3) - 1;
        char c = "x \"'\\:#\u00e9".charAt(r.nextInt(8));
        String s = String.valueOf(c).repeat(n);
        return (r.nextBoolean() ? "\"" + s + "\"" : s).getBytes(StandardCharsets.UTF_8);
    }

    /** A document built from scratch: the hostile shapes at full strength. */
    private static byte[] generated(Random r) {
        String s = switch (r.nextInt(6)) {
            case 0 -> "version: 0.2\n" + aliasBomb(r) + "phases:\n  build:\n    commands: *b1\n";
            case 1 -> "version: 0.2\nphases: " + nesting(r);
            case 2 -> "version: 0.2\nphases:\n  build:\n    commands:\n" + "      - x\n".repeat(1 + r.nextInt(20_000));
            case 3 -> "version: 0.2\n" + "k: v\n".repeat(2 + r.nextInt(100)); // duplicate keys
            case 4 -> "&a [*a]";
            default -> "";
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String utf8AsLatin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }
}
