package dev.codebuildspec.cli.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Secret shapes that break naive maskers: regex metacharacters, quotes, spaces, newlines inside
 * the value, unicode, a value that is a prefix of another, very long values, base64-looking and
 * key-looking values, shell and printf metacharacters. {@link #SHORT} are the 1-2 character
 * values, which mask a lot of ordinary text and so get a build of their own.
 */
final class SecretCorpus {
    private SecretCorpus() {
    }

    static final List<String> SHORT = List.of("Q", "Zq", "\u00e9", "\u20ac", ".*", "}{");

    static final List<String> SHAPES = shapes();

    private static List<String> shapes() {
        List<String> s = new ArrayList<>(List.of(
                // regex metacharacters
                "a.b*c+?d", "(x|y)[z]{2}^$", "\\d+\\s\\w", "$1\\0$&", "[[:alpha:]]+", "^anchored$",
                // quotes
                "it's-a-secret", "say \"hi\" now", "`backtick`", "'\"'\"'mixed", "\\'\\\"esc",
                // spaces and whitespace
                "two words here", " leading-space", "trailing-space ", "tab\there",
                // newlines inside the value
                "line-one\nline-two", "crlf-one\r\ncrlf-two", "\nstarts-with-newline", "ends-with-newline\n",
                "a\u2028unicode-line-separator",
                // unicode
                "p\u00e4ssw\u00f6rd", "\u5bc6\u7801123456", "\ud83d\udd11key\ud83d\udd11", "\u03a9mega-\u00df",
                "e\u0301-combining", "\u200bzero-width", "\u05e9\u05dc\u05d5\u05dd-rtl",
                // a secret that is a prefix of another
                "prefix-secret", "prefix-secret-longer", "abc1234", "abc123456789",
                // base64- and key-looking
                "dGhpcyBpcyBhIHNlY3JldA==", "QUtJQUlPU0ZPRE5ON0VYQU1QTEU=", "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_-x",
                "deadbeefcafebabe0123456789abcdef",
                // shell and printf metacharacters
                "$(whoami)", "${HOME}x", ";rm -rf /;", "a&&b||c", ">out<in|pipe", "%s%n%x%%", "\\x41\\101",
                "*?[]glob", "~user/!hist", "#not-a-comment", "-n -e \\c", "--help",
                // structured values
                "C:\\Users\\secret", "{\"k\":\"v\"}", "<a href=\"x\">&amp;</a>", "https://u:p%40ss@h/p?q=1&r=2#f",
                "a=b=c", "\u001b[31mred\u001b[0m"));
        Random r = new Random(42);
        StringBuilder longValue = new StringBuilder("long-");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < 8000; i++) {
            longValue.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        s.add(longValue.toString());
        s.add("x".repeat(3) + "-three-x-prefix");
        // Multi-line keys and certificates as credentials carry them (sshUserPrivateKey, certificate): made up here.
        s.add(pem(r, "OPENSSH PRIVATE KEY", 7, 70, "\n"));
        s.add(pem(r, "CERTIFICATE", 9, 64, "\r\n"));
        return List.copyOf(s);
    }

    private static String pem(Random r, String label, int lines, int width, String newline) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder b = new StringBuilder("-----BEGIN " + label + "-----" + newline);
        for (int line = 0; line < lines; line++) {
            for (int i = 0; i < width; i++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            b.append(newline);
        }
        return b.append("-----END ").append(label).append("-----").append(newline).toString();
    }
}
