package dev.codebuildspec.driver;

/** POSIX single quoting: the only quoting every sh (dash, busybox ash, bash) reads the same way. */
public final class ShellQuote {
    private ShellQuote() {
    }

    public static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
