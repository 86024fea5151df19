package dev.codebuildspec.cli;

import java.util.function.Consumer;

/**
 * One option of a command, declared once: its parsing and its line in {@code --help} come from here.
 *
 * @param label the value's name in help (DIR, N…); null for a flag, which takes no value
 * @param repeatable whether the option may be given more than once (each value is passed on)
 */
record CommandOption(String name, String label, boolean repeatable, String description, Consumer<String> action) {

    static CommandOption flag(String name, String description, Runnable set) {
        return new CommandOption(name, null, false, description, v -> set.run());
    }

    static CommandOption value(String name, String label, String description, Consumer<String> set) {
        return new CommandOption(name, label, false, description, set);
    }

    static CommandOption repeatable(String name, String label, String description, Consumer<String> add) {
        return new CommandOption(name, label, true, description, add);
    }

    boolean takesValue() {
        return label != null;
    }

    /** How help shows it: {@code --source=DIR}, or the name alone for a flag. */
    String synopsis() {
        return takesValue() ? name + "=" + label : name;
    }

    /** A whole number for an option, said in words when it is not one. */
    static long number(String option, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageError("Invalid value for option '" + option + "': '" + value + "' is not a whole number");
        }
    }
}
