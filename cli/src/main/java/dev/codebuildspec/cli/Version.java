package dev.codebuildspec.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"codebuild-spec " + (v == null ? "development build" : v)};
    }
}
