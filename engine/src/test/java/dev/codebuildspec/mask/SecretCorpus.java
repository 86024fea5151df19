package dev.codebuildspec.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Secret shapes that have broken maskers before: metacharacters, quoting, unicode, overlaps, sizes. */
final class SecretCorpus {

    private SecretCorpus() {
    }

    static final String LONG = longSecret(100 * 1024);

    static List<String> all() {
        List<String> s = new ArrayList<>(List.of(
                "a", "Zq", "0", "12", "é", "*", "**", "***", "a*b", "p*ss*",
                "p.ss", ".*", "a+b?c", "[x](y){z}", "a|b", "back\\slash", "^start$", "$HOME", "${VAR}", "%s%d%n",
                "it's", "say \"hi\"", "`cmd`", "with space", "  padded  ", "tab\there", "~!@#%^&()_+=-",
                "semi;colon&&and||or", "<html>&amp;", "C:\\path\\to",
                "line1\nline2", "crlf1\r\ncrlf2", "trailing\n", "\nleading", "lone\rcr", "a\nb\n\nc",
                "-----BEGIN KEY-----\r\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\r\n"
                        + "KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\r\n-----END KEY-----\r\n",
                "héllo", "日本語パスワード", "emoji🔑🙂", "e\u0301cole", "Zalgo̶t̷e̸x̵t", "𝄞music", "\u00a0nbsp",
                "rtl\u202eoverride", "null\0byte", "ÿþ",
                "prefix", "prefixLonger", "suffixLonger", "Longer", "abab", "bab", "aaa", "xyx",
                "dGhpcyBpcyBhIHNlY3JldA==", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "{\"k\":\"v\"}", "https://user:p%40ss@host/x?y=1&z=2"));
        s.add(LONG);
        return s;
    }

    private static String longSecret(int length) {
        Random random = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
