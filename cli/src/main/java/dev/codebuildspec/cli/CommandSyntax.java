package dev.codebuildspec.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's options: reads its arguments ({@code --name=value}, {@code --name value}, flags) into the
 * command and writes its help. A hand-written parser, because building picocli's model from annotations took
 * 0.19 s of every start (bench/README, P2), more than the rest of the JVM's start.
 */
final class CommandSyntax {
    /** What the arguments asked for besides running the command. */
    enum Request { RUN, HELP, VERSION }

    private final String name;
    private final String description;
    private final Map<String, CommandOption> options = new LinkedHashMap<>();

    CommandSyntax(String name, String description, List<CommandOption> options) {
        this.name = name;
        this.description = description;
        options.forEach(o -> this.options.put(o.name(), o));
    }

    /** The name help and errors use: {@code codebuild-spec run}. */
    String qualifiedName() {
        return name;
    }

    String description() {
        return description;
    }

    /**
     * Applies the arguments to the command's options, in order. Throws {@link UsageError} for an unknown option, a
     * missing value, a value given twice to an option that takes one, or a word that is not an option.
     */
    Request parse(List<String> args) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-h") || arg.equals("--help")) {
                return Request.HELP;
            }
            if (arg.equals("-V") || arg.equals("--version")) {
                return Request.VERSION;
            }
            int eq = arg.indexOf('=');
            String key = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            CommandOption option = options.get(key);
            if (option == null) {
                throw new UsageError((arg.startsWith("-") ? "Unknown option: '" + key + "'"
                        : "Unexpected argument '" + arg + "': " + name + " takes options only") + suggestion(key));
            }
            if (!option.repeatable() && !seen.add(key)) {
                throw new UsageError("option '" + key + "' should be given only once");
            }
            if (!option.takesValue()) {
                if (eq > 0) {
                    throw new UsageError("option '" + key + "' takes no value, got '" + arg.substring(eq + 1) + "'");
                }
                option.action().accept("");
            } else if (key.length() < arg.length()) {
                option.action().accept(arg.substring(eq + 1));
            } else if (i + 1 < args.size() && !isOption(args.get(i + 1))) {
                option.action().accept(args.get(++i));
            } else {
                throw new UsageError("Missing required parameter for option '" + key + "' (" + option.label() + ")");
            }
        }
        return Request.RUN;
    }

    private boolean isOption(String arg) {
        int eq = arg.indexOf('=');
        return options.containsKey(eq > 0 ? arg.substring(0, eq) : arg) || arg.equals("--help") || arg.equals("-h");
    }

    /** Close names, as "; did you mean --image?" (empty when nothing is close). */
    private String suggestion(String given) {
        List<String> close = new ArrayList<>();
        for (String candidate : options.keySet()) {
            if (Suggestions.close(given, candidate)) {
                close.add(candidate);
            }
        }
        return Suggestions.phrase(close);
    }

    /** The usage line, the description, each option, and the exit statuses. */
    String help() {
        List<String[]> rows = new ArrayList<>();
        for (CommandOption o : options.values()) {
            rows.add(new String[] {"      " + o.synopsis() + (o.repeatable() ? "..." : ""), o.description()});
        }
        rows.add(new String[] {"  -h, --help", "Show this help message and exit."});
        rows.add(new String[] {"  -V, --version", "Print version information and exit."});
        return "Usage: " + name + " [OPTIONS]\n" + HelpText.wrap(description, 0, 0) + "\nOptions:\n"
                + HelpText.table(rows) + ExitStatus.help();
    }
}
