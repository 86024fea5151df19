package dev.codebuildspec.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codebuildspec.testing.Hang;
import org.junit.jupiter.api.Test;

class PathGlobTest {

    private static PathGlob glob(String pattern) throws PatternError {
        return PathGlob.compile(pattern);
    }

    @Test
    void starStaysWithinOneSegmentAndMatchesDotfiles() throws PatternError {
        PathGlob g = glob("dir/*");
        assertThat(g.matches("dir/a.txt")).isTrue();
        assertThat(g.matches("dir/.hidden")).isTrue();
        assertThat(g.matches("dir/sub/a.txt")).isFalse();
        assertThat(g.matches("other/a.txt")).isFalse();
        assertThat(glob("*.txt").matches(".txt")).isTrue();
        assertThat(glob("*").matches("a/b")).isFalse();
    }

    @Test
    void segmentsWithoutWildcardsMatchExactlyAndCaseSensitively() throws PatternError {
        PathGlob g = glob("build/Main.class");
        assertThat(g.matches("build/Main.class")).isTrue();
        assertThat(g.matches("build/main.class")).isFalse();
        assertThat(g.matches("Build/Main.class")).isFalse();
        assertThat(g.matches("build/Main.clas")).isFalse();
        assertThat(glob("a.b").matches("axb")).as("a dot is no wildcard").isFalse();
        assertThat(glob("dir/*").matches("dir/line\nbreak")).isTrue();
    }

    @Test
    void doubleStarMatchesZeroOrMoreDirectories() throws PatternError {
        PathGlob g = glob("dir/**/*.txt");
        assertThat(g.matches("dir/a.txt")).isTrue();
        assertThat(g.matches("dir/x/a.txt")).isTrue();
        assertThat(g.matches("dir/x/y/.a.txt")).isTrue();
        assertThat(g.matches("dir/x/y/a.log")).isFalse();
        assertThat(glob("**/*").matches("a")).isTrue();
        assertThat(glob("**/*").matches(".git/config")).isTrue();
        assertThat(glob("**").matches("a/b/c")).isTrue();
        assertThat(glob("a/**/b/**/c").matches("a/b/c")).isTrue();
        assertThat(glob("a/**/b/**/c").matches("a/x/b/y/z/c")).isTrue();
        assertThat(glob("a/**/b/**/c").matches("a/x/c")).isFalse();
    }

    @Test
    void doubleStarInsideASegmentIsTwoStars() throws PatternError {
        assertThat(glob("a**b").matches("axxb")).isTrue();
        assertThat(glob("a**b").matches("ax/xb")).isFalse();
    }

    @Test
    void questionMarkIsOneCharacter() throws PatternError {
        assertThat(glob("file?.txt").matches("file1.txt")).isTrue();
        assertThat(glob("file?.txt").matches("file.txt")).isFalse();
        assertThat(glob("file?.txt").matches("file12.txt")).isFalse();
        assertThat(glob("?").matches("é")).isTrue();
        assertThat(glob("?").matches("\uD83D\uDE00")).as("one code point, two UTF-16 chars").isTrue();
        assertThat(glob("a?b").matches("a/b")).isFalse();
    }

    @Test
    void regexCharactersAreLiteral() throws PatternError {
        assertThat(glob("a.b").matches("axb")).isFalse();
        assertThat(glob("a+(b)").matches("a+(b)")).isTrue();
        assertThat(glob("a+(b)").matches("aa(b)")).isFalse();
        assertThat(glob("[abc].txt").matches("a.txt")).as("no character classes").isFalse();
        assertThat(glob("[abc].txt").matches("[abc].txt")).isTrue();
        assertThat(glob("{a,b}").matches("a")).isFalse();
        assertThat(glob("a\\*").matches("a\\xyz")).as("no escapes: backslash is literal").isTrue();
        assertThat(glob("\\Q*\\E").matches("\\Qx\\E")).isTrue();
        assertThat(glob("$^|").matches("$^|")).isTrue();
    }

    @Test
    void newlinesAndSpacesAreOrdinaryCharacters() throws PatternError {
        assertThat(glob("*").matches("line1\nline2")).isTrue();
        assertThat(glob("a?b").matches("a\nb")).isTrue();
        assertThat(glob("my file.txt").matches("my file.txt")).isTrue();
    }

    @Test
    void literalness() throws PatternError {
        assertThat(glob("target/app.jar").isLiteral()).isTrue();
        assertThat(glob("dist").isLiteral()).isTrue();
        assertThat(glob("[x]").isLiteral()).isTrue();
        assertThat(glob("dist/*").isLiteral()).isFalse();
        assertThat(glob("a?").isLiteral()).isFalse();
    }

    @Test
    void spellingIsNormalised() throws PatternError {
        assertThat(glob("./dist//app/").pattern()).isEqualTo("dist/app");
        assertThat(glob("./dist//app/").matches("dist/app")).isTrue();
        assertThat(glob(".").pattern()).isEmpty();
        assertThat(glob(".").matches("")).isTrue();
        assertThat(glob("a/./b").pattern()).isEqualTo("a/b");
        assertThat(glob("..foo").matches("..foo")).as("only a whole '..' segment is refused").isTrue();
    }

    @Test
    void refusesAbsolutePathsAndParentSegments() {
        assertThatThrownBy(() -> glob("/etc/passwd")).isInstanceOf(PatternError.class)
                .hasMessage("is an absolute path; paths are relative to the source directory");
        assertThatThrownBy(() -> glob("../secret")).isInstanceOf(PatternError.class)
                .hasMessage("contains a '..' segment");
        assertThatThrownBy(() -> glob("a/../../b")).isInstanceOf(PatternError.class);
        assertThatThrownBy(() -> glob("a/..")).isInstanceOf(PatternError.class);
        assertThatThrownBy(() -> glob("**/../x")).isInstanceOf(PatternError.class)
                .satisfies(e -> assertThat(((PatternError) e).pattern()).isEqualTo("**/../x"));
    }

    @Test
    void mayMatchUnderPrunesSubtrees() throws PatternError {
        assertThat(glob("dir/*").mayMatchUnder("")).isTrue();
        assertThat(glob("dir/*").mayMatchUnder("dir")).isTrue();
        assertThat(glob("dir/*").mayMatchUnder("dir/sub")).isFalse();
        assertThat(glob("dir/*").mayMatchUnder("other")).isFalse();
        assertThat(glob("dir/**/*").mayMatchUnder("dir/a/b/c")).isTrue();
        assertThat(glob("**/x").mayMatchUnder("any/where")).isTrue();
        assertThat(glob("a/**").mayMatchUnder("a")).isTrue();
        assertThat(glob("a").mayMatchUnder("a")).isFalse();
        assertThat(glob("").mayMatchUnder("")).isFalse();
    }

    @Test
    void manyDoubleStarsStayFast() throws PatternError {
        PathGlob g = glob("**/**/**/**/**/**/**/**/**/**/z");
        String deep = "a/".repeat(60) + "y";
        // Backtracking over ten ** would take longer than anyone waits; a hang guard, not a timing.
        assertThat(Hang.guard(() -> g.matches(deep))).isFalse();
    }
}
