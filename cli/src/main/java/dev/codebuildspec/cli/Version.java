package dev.codebuildspec.cli;

/** The line {@code --version} prints: the version the distribution was built as. */
final class Version {
    private Version() {
    }

    static String line() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "codebuild-spec " + (v == null ? "development build" : v);
    }
}
