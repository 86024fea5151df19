package io.jenkins.plugins.codebuildspec.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code codebuild-spec}: run and validate buildspecs locally, exactly as the Jenkins plugin does. */
@Command(name = "codebuild-spec",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs AWS-CodeBuild-style buildspec.yml builds in a local Docker container.",
        subcommands = {RunCommand.class, ValidateCommand.class, GcCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            " 0:the build SUCCEEDED (validate: the buildspec is valid)",
            " 1:the build FAILED, TIMED_OUT or was STOPPED (validate: errors found)",
            " 2:bad command line",
            " 3:a fault outside the build: no Docker daemon, image unavailable"})
public final class Main {
    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int FAULT = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> e instanceof UsageError ? USAGE : FAULT);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UsageError) {
                cmd.getErr().println("codebuild-spec: " + e.getMessage());
                cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
                return USAGE;
            }
            cmd.getErr().println("codebuild-spec: " + e);
            return FAULT;
        });
        return cl;
    }
}
