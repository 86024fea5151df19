package dev.codebuildspec.parse;

import static dev.codebuildspec.parse.Parse.diagnostics;
import static dev.codebuildspec.parse.Parse.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.buildspec.Position;
import dev.codebuildspec.testing.Hang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSafetyTest {

    @Test
    void tabIndentationIsAnErrorAtTheTab() {
        assertThat(diagnostics("version: 0.2\nphases:\n  build:\n\tcommands:\n      - echo\n")).containsExactly(
                "buildspec.yml:4:1: error: found character '\\t(TAB)' that cannot start any token. "
                        + "(Do not use \\t(TAB) for indentation)");
    }

    @Test
    void syntaxErrorUsesSnakeYamlProblemAndMark() {
        assertThat(diagnostics("version: 0.2\nphases:\n  build:\n    commands: [\"x\"\n")).containsExactly(
                "buildspec.yml:5:1: error: expected ',' or ']', but got <stream end>");
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpened() {
        assertThat(diagnostics("version: 0.2\nphases:\n  build:\n    commands:\n      - \"echo hello\n      - make\n"))
                .containsExactly("buildspec.yml:5:9: error: this quoted scalar is never closed (the file ends at 7:1 "
                        + "inside it)");
    }

    @Test
    void billionLaughsEndsQuicklyInAnError() {
        String bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
                + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
                + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
                + "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n";
        assertThat(Hang.guard(() -> diagnostics(bomb))).containsExactly(
                "buildspec.yml:7:20: error: Number of aliases for non-scalar nodes exceeds the specified max=50");
    }

    @Test
    void deepNestingIsAnError() {
        assertThat(diagnostics("version: 0.2\nphases: " + "[".repeat(10_000))).containsExactly(
                "buildspec.yml:2:48: error: Nesting Depth exceeded max 40");
    }

    @Test
    void hugeScalarIsAnErrorAtTheLimit() {
        String yaml = "version: 0.2\nphases:\n  build:\n    commands:\n      - " + "x".repeat(5 * 1024 * 1024) + "\n";
        assertThat(diagnostics(yaml)).containsExactly(
                "buildspec.yml:5:1048533: error: the buildspec exceeds the limit of 1048576 characters");
    }

    @Test
    void aBuildspecJustUnderTheSizeLimitIsReadInLinearTime() {
        // At the old 3 Mi limit one plain scalar took SnakeYAML's reader over 2 s (found by the fuzzer): it
        // copied its window on every 1 Ki read, quadratic in a token's length. Measured as bytes allocated
        // (work, which no load on the machine changes) against a 100x smaller input: here the whole-text
        // reader gave 67-75x, SnakeYAML's reader 6,700-7,100x.
        for (String c : new String[] {"x", "#", ":", "\\"}) {
            String big = ParseShapes.oneScalar(c, BuildspecParser.MAX_CODE_POINTS - 1);
            String small = ParseShapes.oneScalar(c, (BuildspecParser.MAX_CODE_POINTS - 1) / 100);
            assertThat(ParseShapes.ratioOfAllocatedBytes(big, small)).as("allocation ratio, 100x the text, %s", c)
                    .isLessThan(500);
        }
    }

    @Test
    void aSpecialCharacterIsNamedWhereItStands() {
        assertThat(diagnostics("version: 0.2\nx: \"a\u0001b\"\n")).containsExactly(
                "buildspec.yml:2:6: error: special characters are not allowed (U+0001)");
        assertThat(diagnostics("version: 0.2\n" + "# c\n".repeat(400) + "x: [\n\ud800")).containsExactly(
                "buildspec.yml:403:1: error: special characters are not allowed (U+D800)");
    }

    @Test
    void multipleDocumentsAreAnError() {
        assertThat(diagnostics(Parse.v02("---\nversion: 0.2\n"))).containsExactly(
                "buildspec.yml:7:1: error: the buildspec must be a single YAML document, found another document here");
    }

    @Test
    void duplicateKeysNameBothPositions() {
        assertThat(diagnostics(Parse.v02("version: 0.1\n"))).containsExactly(
                "buildspec.yml:6:1: error: duplicate key 'version' (first defined at 1:1)");
        assertThat(diagnostics("version: 0.2\nphases:\n  build:\n    commands: [a]\n    commands: [b]\n"))
                .containsExactly("buildspec.yml:5:5: error: duplicate key 'commands' in phases.build "
                        + "(first defined at 4:5)");
    }

    @Test
    void randomGarbageNeverThrows() {
        Random random = new Random(42);
        String alphabet = "ab:- \n\t[]{}&*!|>'\"#%@`,?~0123456789.\\\u00e9\u0000\ud83d\ude00";
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(200);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            ParseResult r = parse(sb.toString());
            assertThat(r.buildspec().isPresent()).isEqualTo(!r.hasErrors());
        }
        ParseResult nul = new BuildspecParser().parse((String) null, "x");
        assertThat(nul.hasErrors()).isTrue();
    }

    @Test
    void missingFileIsAnErrorWithoutPosition(@TempDir Path dir) {
        ParseResult r = new BuildspecParser().parse(dir.resolve("buildspec.yml"), "buildspec.yml");
        assertThat(r.errors()).singleElement().satisfies(d -> {
            assertThat(d.position()).isEqualTo(Position.UNKNOWN);
            assertThat(d.toString()).isEqualTo("buildspec.yml: error: stat " + dir.resolve("buildspec.yml")
                    + ": no such file or directory");
        });
    }

    @Test
    void directoryAndBadEncodingNameTheFile(@TempDir Path dir) throws IOException {
        assertThat(new BuildspecParser().parse(dir, "b").errors().get(0).message())
                .isEqualTo("cannot read YAML file " + dir + ": it is a directory");
        Path bad = dir.resolve("bad.yml");
        Files.write(bad, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});
        assertThat(new BuildspecParser().parse(bad, "b").errors().get(0).message())
                .isEqualTo("cannot read YAML file " + bad + ": it is not valid UTF-8");
    }

    @Test
    void fileIsReadAsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("buildspec.yml");
        Files.writeString(file, Parse.v02("env:\n  variables:\n    GREETING: \"h\u00e9llo \ud83d\ude00\"\n"));
        ParseResult r = new BuildspecParser().parse(file, "buildspec.yml");
        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.buildspec().orElseThrow().env().variables().get("GREETING").value()).isEqualTo("h\u00e9llo \ud83d\ude00");
    }

    @Test
    void aRecursiveMergeIsAPositionedErrorNotAHang() {
        // Found by the fuzzer: SnakeYAML's merge-on-compose looped forever on this.
        assertThat(Hang.guard(() -> diagnostics("version: 0.2\nm0: &m0 {<<: [*m0, *m0], b: *m0}\n"))).containsExactly(
                "buildspec.yml:2:15: error: the alias *m0 is used inside its own anchor (a recursive structure)");
        assertThat(diagnostics("&a [*a]")).containsExactly(
                "buildspec.yml:1:5: error: the alias *a is used inside its own anchor (a recursive structure)");
    }

    @Test
    void anEscapeCutByTheEndOfTheTextIsAPositionedError() {
        // Found by the fuzzer: SnakeYAML threw NumberFormatException, reported as an internal error at 0:0.
        assertThat(diagnostics("version: 0.2\nx: \"\\x")).containsExactly(
                "buildspec.yml:2:7: error: invalid escape sequence in a double-quoted scalar");
    }

    @Test
    void anEmojiAcrossSnakeYamlsReadBufferIsRead() {
        // Found by the fuzzer: a surrogate pair at chars 1023-1024 made SnakeYAML read past its buffer.
        String head = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo ";
        String yaml = head + "x".repeat(1023 - head.length()) + "\ud83d\ude00 done\n";
        assertThat(yaml.charAt(1023)).isEqualTo('\ud83d');
        ParseResult r = parse(yaml);
        assertThat(r.errors()).isEmpty();
        assertThat(r.buildspec().get().phases().values().iterator().next().commands().get(0).text())
                .endsWith("x\ud83d\ude00 done");
    }
}
