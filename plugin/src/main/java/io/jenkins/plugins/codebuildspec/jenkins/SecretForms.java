package io.jenkins.plugins.codebuildspec.jenkins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms of a secret value that the in-container masker replaces, computed on the controller:
 * the value itself, each line of a multi-line value, its shell-quoted forms (the way a {@code set -x}
 * trace or {@code export -p} prints it) and its Base64 encodings at the three alignments, standard and
 * URL-safe. This mirrors what credentials-binding's {@code SecretPatterns} factories cover, so the
 * log file on the agent is masked as well as the console. Longest first; derived forms shorter than
 * three characters are dropped (the raw value is kept however short it is).
 */
public final class SecretForms {
    private static final int MIN_DERIVED = 3;

    private SecretForms() {
    }

    public static List<String> of(Collection<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            forms.add(v);
            List<String> bases = new ArrayList<>();
            bases.add(v);
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                v.lines().filter(l -> !l.isEmpty()).forEach(l -> {
                    forms.add(l);
                    bases.add(l);
                });
            }
            for (String b : bases) {
                derived(b).stream().filter(f -> f.length() >= MIN_DERIVED && !f.equals(b)).forEach(forms::add);
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    private static List<String> derived(String v) {
        List<String> out = new ArrayList<>();
        // POSIX shells: 'a'\''b' (bash, dash), and the parts a user sees unquoted.
        out.add(v.replace("'", "'\\''"));
        out.add("'" + v.replace("'", "'\\''") + "'");
        // Double-quoted: \ " $ ` escaped.
        out.add(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`"));
        // Backslash-escaped word (bash printf %q style for simple specials).
        StringBuilder q = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (" \t'\"\\$`!&|;<>()*?[]{}#~".indexOf(c) >= 0) {
                q.append('\\');
            }
            q.append(c);
        }
        out.add(q.toString());
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[bytes.length + shift];
            System.arraycopy(bytes, 0, shifted, shift, bytes.length);
            for (Base64.Encoder enc : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String s = enc.withoutPadding().encodeToString(shifted);
                if (shift == 0) {
                    out.add(enc.encodeToString(bytes));
                }
                // Drop the characters that also carry bits of the unknown bytes around the value.
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
