package dev.codebuildspec.artifacts;

/**
 * One written pattern: its glob, plus for a literal pattern the glob of everything below it, so that a
 * pattern naming a directory selects (or excludes) the directory's files recursively.
 */
final class PatternSet {
    final String written;
    final PathGlob glob;
    final PathGlob below;
    boolean matched;
    boolean matchedBelow;

    private PatternSet(String written, PathGlob glob, PathGlob below) {
        this.written = written;
        this.glob = glob;
        this.below = below;
    }

    static PatternSet of(String written) throws PatternError {
        PathGlob glob = PathGlob.compile(written);
        PathGlob below = null;
        if (glob.isLiteral()) {
            below = PathGlob.compile(glob.pattern().isEmpty() ? "**" : glob.pattern() + "/**");
        }
        return new PatternSet(written, glob, below);
    }

    boolean matches(String path) {
        return glob.matches(path) || (below != null && below.matches(path));
    }

    /** Like {@link #matches} but records that the pattern was used. */
    boolean matchFile(String path) {
        if (glob.matches(path)) {
            matched = true;
            return true;
        }
        if (below != null && below.matches(path)) {
            matched = true;
            matchedBelow = true;
            return true;
        }
        return false;
    }

    boolean mayMatchUnder(String dir) {
        return glob.mayMatchUnder(dir) || (below != null && below.mayMatchUnder(dir));
    }
}
