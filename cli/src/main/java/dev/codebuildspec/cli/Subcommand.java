package dev.codebuildspec.cli;

/** A command of {@code codebuild-spec}: its options (filled in by its syntax's parse) and its work. */
interface Subcommand {
    CommandSyntax syntax();

    /** Runs the command with the options parsed; returns the exit status. */
    int call() throws Exception;
}
