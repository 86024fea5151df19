package dev.codebuildspec.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** {@code codebuild-spec}: run and validate buildspecs locally, exactly as the Jenkins plugin does. */
public final class Main {
    private static final String NAME = "codebuild-spec";
    private static final Map<String, Supplier<Subcommand>> COMMANDS = Map.of(
            "run", RunCommand::new, "validate", ValidateCommand::new, "gc", GcCommand::new);

    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt relaunched = Utf8Relaunch.ifNeeded(args);
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : execute(List.of(args), System.out, System.err));
    }

    /** Runs one command line; returns its exit status. */
    static int execute(List<String> args, PrintStream out, PrintStream err) {
        String first = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        switch (first) {
            case "" -> {
                return usage(err, NAME, "Missing required subcommand: run, validate or gc");
            }
            case "-h", "--help" -> {
                out.print(help());
                return ExitStatus.SUCCEEDED;
            }
            case "-V", "--version" -> {
                out.println(Version.line());
                return ExitStatus.SUCCEEDED;
            }
            case "help" -> {
                return helpCommand(rest, out, err);
            }
            default -> {
                Supplier<Subcommand> command = COMMANDS.get(first);
                if (command != null) {
                    return execute(command.get(), rest, out, err);
                }
                if (first.startsWith("-")) {
                    return usage(err, NAME, "Unknown option: '" + first + "'");
                }
                return usage(err, NAME, "unknown command '" + first + "'; the commands are run, validate, gc and help"
                        + Suggestions.phrase(COMMANDS.keySet().stream().filter(c -> Suggestions.close(first, c))
                                .sorted().toList()));
            }
        }
    }

    private static int execute(Subcommand command, List<String> args, PrintStream out, PrintStream err) {
        CommandSyntax syntax = command.syntax();
        try {
            switch (syntax.parse(args)) {
                case HELP -> {
                    out.print(syntax.help());
                    return ExitStatus.SUCCEEDED;
                }
                case VERSION -> {
                    out.println(Version.line());
                    return ExitStatus.SUCCEEDED;
                }
                default -> {
                    return command.call();
                }
            }
        } catch (UsageError e) {
            return usage(err, syntax.qualifiedName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(NAME + ": interrupted");
            return ExitStatus.FAULT;
        } catch (Exception e) {
            err.println(NAME + ": " + e);
            return ExitStatus.FAULT;
        }
    }

    private static int helpCommand(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            out.print(help());
            return ExitStatus.SUCCEEDED;
        }
        Supplier<Subcommand> command = COMMANDS.get(args.get(0));
        if (command == null || args.size() > 1) {
            return usage(err, NAME + " help", "help takes one of run, validate or gc, got " + String.join(" ", args));
        }
        out.print(command.get().syntax().help());
        return ExitStatus.SUCCEEDED;
    }

    private static int usage(PrintStream err, String command, String message) {
        err.println(NAME + ": " + message);
        err.println("Try '" + command + " --help' for more information.");
        return ExitStatus.USAGE;
    }

    static String help() {
        List<String[]> commands = new ArrayList<>();
        for (String name : Arrays.asList("run", "validate", "gc")) {
            commands.add(new String[] {"  " + name, COMMANDS.get(name).get().syntax().description()});
        }
        commands.add(new String[] {"  help", "Show the help of a command: help run."});
        return "Usage: " + NAME + " [-hV] COMMAND [OPTIONS]\n"
                + "Runs AWS-CodeBuild-style buildspec.yml builds in a local Docker container.\n"
                + HelpText.table(List.of(new String[] {"  -h, --help", "Show this help message and exit."},
                        new String[] {"  -V, --version", "Print version information and exit."}))
                + "Commands:\n" + HelpText.table(commands) + ExitStatus.help();
    }
}
