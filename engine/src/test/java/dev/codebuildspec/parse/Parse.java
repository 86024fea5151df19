package dev.codebuildspec.parse;

import java.util.List;

/** Test helper: parse text and look at diagnostics as the strings users see. */
final class Parse {
    static final String SOURCE = "buildspec.yml";

    private Parse() {
    }

    static ParseResult parse(String yaml) {
        return new BuildspecParser().parse(yaml, SOURCE);
    }

    static List<String> diagnostics(String yaml) {
        return parse(yaml).diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** A valid 0.2 buildspec with {@code extra} appended at the top level. */
    static String v02(String extra) {
        return "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n" + extra;
    }
}
