package dev.codebuildspec.cli;

import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code codebuild-spec}: run and validate buildspecs locally, exactly as the Jenkins plugin does. */
@Command(name = "codebuild-spec",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs AWS-CodeBuild-style buildspec.yml builds in a local Docker container.",
        subcommands = {RunCommand.class, ValidateCommand.class, GcCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = ExitStatus.HEADING,
        exitCodeList = {ExitStatus.LINE_0, ExitStatus.LINE_1, ExitStatus.LINE_2, ExitStatus.LINE_3})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        OptionalInt relaunched = Utf8Relaunch.ifNeeded(args);
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : commandLine().execute(args));
    }

    /** {@code codebuild-spec} alone is a command-line error, like any other (exit 2). */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: run, validate or gc");
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> e instanceof UsageError || e instanceof ParameterException
                ? ExitStatus.USAGE : ExitStatus.FAULT);
        cl.setParameterExceptionHandler((e, args) -> {
            // Picocli's own default is 2 too, but only through this handler: say it, so that it never drifts.
            CommandLine cmd = e.getCommandLine();
            if (e instanceof UnmatchedArgumentException u && cmd.getCommandSpec().parent() == null
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
                cmd.getErr().println("codebuild-spec: unknown command '" + u.getUnmatched().get(0)
                        + "'; the commands are run, validate, gc and help");
                UnmatchedArgumentException.printSuggestions(e, cmd.getErr());
                cmd.getErr().println("Try 'codebuild-spec --help' for more information.");
                return ExitStatus.USAGE;
            }
            cmd.getErr().println("codebuild-spec: " + e.getMessage());
            if (!UnmatchedArgumentException.printSuggestions(e, cmd.getErr())) {
                cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            return ExitStatus.USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UsageError || e instanceof ParameterException) {
                cmd.getErr().println("codebuild-spec: " + e.getMessage());
                cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
                return ExitStatus.USAGE;
            }
            cmd.getErr().println("codebuild-spec: " + e);
            return ExitStatus.FAULT;
        });
        return cl;
    }
}
