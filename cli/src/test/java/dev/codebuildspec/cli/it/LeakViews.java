package dev.codebuildspec.cli.it;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A console read back the way a person who wants a secret would read it: with shell quoting undone, escapes
 * undone, percent-encoding and Base64 decoded. A secret found in any of these views leaked, whatever form
 * it was printed in. Deliberately independent of the masker's own list of forms.
 */
final class LeakViews {
    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/_-]{8,}={0,2}");

    private LeakViews() {
    }

    /** The console itself, then each decoded view of it (all as UTF-8 text). */
    static List<String> of(String console) {
        List<String> views = new ArrayList<>();
        views.add(console);
        views.add(console.replace("'\\''", "'").replace("'\"'\"'", "'"));
        views.add(unescape(console));
        views.add(percentDecoded(console));
        views.add(base64Decoded(console));
        return views;
    }

    /** Backslash escapes of $'...', double quotes, JSON and printf %q undone. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'u' -> {
                    if (i + 4 < s.length() && s.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        b.append('u');
                    }
                }
                default -> b.append(n);
            }
        }
        return b.toString();
    }

    private static String percentDecoded(String console) {
        StringBuilder b = new StringBuilder();
        for (String line : console.split("\n", -1)) {
            try {
                b.append(URLDecoder.decode(line.replace("+", "%2B"), StandardCharsets.UTF_8));
                b.append(" | ").append(URLDecoder.decode(line, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                b.append(line);
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static String base64Decoded(String console) {
        StringBuilder b = new StringBuilder();
        Matcher m = BASE64_TOKEN.matcher(console);
        while (m.find()) {
            String token = m.group();
            for (Base64.Decoder d : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                try {
                    b.append(new String(d.decode(token), StandardCharsets.UTF_8)).append('\n');
                } catch (IllegalArgumentException e) {
                    // not this alphabet, or cut by a mask
                }
            }
        }
        return b.toString();
    }
}
