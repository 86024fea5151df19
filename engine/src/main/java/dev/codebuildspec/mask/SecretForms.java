package dev.codebuildspec.mask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one definition of what is masked for a secret value, for every host: the CLI's stream masker and the
 * Jenkins plugin's in-container filter and console both take their patterns from here.
 *
 * <ul>
 *   <li>The value itself, however short: a leaked short secret is still a leak.</li>
 *   <li>Each non-empty line of a multi-line value (keys and certificates are printed line by line), and the
 *       derived forms below of each line too.</li>
 *   <li>Derived forms ({@link SecretEncodings}): the shell-quoted forms of bash, dash and busybox traces and
 *       {@code export -p}/{@code declare -p}; {@code printf %q}; JSON-escaped; percent-encoded; Base64 at
 *       three alignments, trimmed; every {@code $} doubled (Jenkins' escape). With these, every form
 *       credentials-binding masks on a Unix agent is here, so one masker serves a Jenkins console.</li>
 * </ul>
 *
 * <p>A derived form that still contains the value (or the line) is left out: masking the value inside it
 * already hides it. A derived form shorter than {@value #MIN_DERIVED} characters is left out too: Base64
 * fragments and quotings that short turn up by chance in hashes, IDs and ordinary words, and masking them
 * would shred the log, while only a secret of three or four characters yields them.
 */
public final class SecretForms {
    /** The shortest derived form that is masked; see the class comment. */
    public static final int MIN_DERIVED = 6;

    private SecretForms() {
    }

    /** Every form to mask, distinct, longest first (so that a filter trying them in order masks the longest). */
    public static List<String> of(Collection<String> values) {
        Set<String> forms = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            List<String> bases = new ArrayList<>();
            bases.add(v);
            if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                v.lines().filter(l -> !l.isEmpty()).forEach(bases::add);
            }
            for (String base : bases) {
                forms.add(base);
                for (String f : derived(base)) {
                    if (f.length() >= MIN_DERIVED && !f.contains(base)) {
                        forms.add(f);
                    }
                }
            }
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return sorted;
    }

    private static List<String> derived(String v) {
        List<String> out = new ArrayList<>();
        out.add(SecretEncodings.singleQuotedPosix(v));
        out.add(SecretEncodings.singleQuotedBusybox(v));
        out.add(SecretEncodings.ansiC(v));
        out.add(SecretEncodings.doubleQuoted(v));
        out.add(SecretEncodings.backslashEscaped(v));
        out.add(SecretEncodings.dollarsDoubled(v));
        out.addAll(SecretEncodings.json(v));
        out.addAll(SecretEncodings.percentEncoded(v));
        out.addAll(SecretEncodings.base64(v));
        return out;
    }
}
