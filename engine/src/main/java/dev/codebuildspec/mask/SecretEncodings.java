package dev.codebuildspec.mask;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The ways tools print a value other than as it is, each one a form a user has seen leak a secret. Pure
 * functions of the value; {@link SecretForms} decides which of them are masked.
 */
final class SecretEncodings {
    private SecretEncodings() {
    }

    /** bash's {@code set -x} trace and {@code export -p} of bash and dash: {@code 'it'\''s'} (the quotes' inside). */
    static String singleQuotedPosix(String v) {
        return v.replace("'", "'\\''");
    }

    /** busybox ash's {@code set -x} trace, the shell of Alpine and of many small images: {@code 'it'"'"'s'}. */
    static String singleQuotedBusybox(String v) {
        return v.replace("'", "'\"'\"'");
    }

    /**
     * bash's {@code declare -p}, {@code export -p} and {@code set -x} of a value with control characters, and
     * {@code printf %q}: ANSI-C quoting, {@code $'tab\there'}.
     */
    static String ansiC(String v) {
        StringBuilder b = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case 0x07 -> b.append("\\a");
                case '\b' -> b.append("\\b");
                case 0x1b -> b.append("\\E");
                case '\f' -> b.append("\\f");
                case 0x0b -> b.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\%03o", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A double-quoted shell word, as scripts and {@code make} echo it: {@code \ " $ `} escaped. */
    static String doubleQuoted(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }

    /** Each {@code $} doubled, as Jenkins escapes a value it must not expand (credentials-binding masks it too). */
    static String dollarsDoubled(String v) {
        return v.replace("$", "$$");
    }

    /** bash's {@code printf %q} of a value without control characters: each special escaped with a backslash. */
    static String backslashEscaped(String v) {
        StringBuilder q = new StringBuilder(v.length() + 8);
        for (char c : v.toCharArray()) {
            if (" \t'\"\\$`!&|;<>()*?[]{}#~,^=".indexOf(c) >= 0) {
                q.append('\\');
            }
            q.append(c);
        }
        return q.toString();
    }

    /**
     * A JSON string's inside, as {@code aws}, {@code docker inspect}, {@code jq} and loggers print it; with and
     * without {@code \/} (some encoders escape the slash).
     */
    static List<String> json(String v) {
        StringBuilder b = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        String plain = b.toString();
        return List.of(plain, plain.replace("/", "\\/"));
    }

    /**
     * Percent-encoding, as a token in a URL or a form body prints it ({@code curl -v}, git's remote URLs,
     * access logs): RFC 3986 ({@code %20}) and form encoding ({@code +}), upper-case hex.
     */
    static List<String> percentEncoded(String v) {
        StringBuilder rfc = new StringBuilder(v.length() * 2);
        for (byte x : v.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
                rfc.append((char) c);
            } else {
                rfc.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        String encoded = rfc.toString();
        return List.of(encoded, encoded.replace("%20", "+"));
    }

    /**
     * Base64, standard and URL-safe, of the value at each of the three byte alignments it can have inside a
     * longer encoded text ({@code user:token}, a JSON document, a Basic auth header): the characters that
     * also carry bits of the unknown bytes around the value are left out, and so is the padding (as the
     * GitHub Actions runner trims it). Credentials-binding's base64 pattern factory covers the same.
     */
    static List<String> base64(String v) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int shift = 0; shift < 3; shift++) {
                byte[] shifted = new byte[bytes.length + shift];
                System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                String s = enc.withoutPadding().encodeToString(shifted);
                int lead = shift == 0 ? 0 : shift + 1;
                int trail = shifted.length % 3 == 0 ? 0 : 1;
                if (lead < s.length() - trail) {
                    out.add(s.substring(lead, s.length() - trail));
                }
            }
        }
        return out;
    }
}
