package dev.codebuildspec.driver;

import dev.codebuildspec.buildspec.Buildspec;
import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.Phase;
import dev.codebuildspec.buildspec.PhaseName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Numbers every command of a buildspec in run order. The driver script and the log translator
 * both derive it from the same model, so an event carries a number, never command text.
 */
public final class CommandIndex {
    private final List<CommandRef> refs;

    private CommandIndex(List<CommandRef> refs) {
        this.refs = List.copyOf(refs);
    }

    public static CommandIndex empty() {
        return new CommandIndex(List.of());
    }

    public static CommandIndex of(Buildspec spec) {
        List<CommandRef> refs = new ArrayList<>();
        for (PhaseName name : PhaseName.values()) {
            Optional<Phase> phase = spec.phase(name);
            if (phase.isEmpty()) {
                continue;
            }
            for (Command c : phase.get().commands()) {
                refs.add(new CommandRef(refs.size(), name, false, c));
            }
            for (Command c : phase.get().finallyCommands()) {
                refs.add(new CommandRef(refs.size(), name, true, c));
            }
        }
        return new CommandIndex(refs);
    }

    public Optional<CommandRef> get(int id) {
        return id >= 0 && id < refs.size() ? Optional.of(refs.get(id)) : Optional.empty();
    }

    /** The command a driver event names by its number; empty for anything else. */
    public Optional<CommandRef> get(String id) {
        return get(number(id));
    }

    /** A number a driver event gives; -1 for anything else. */
    public static int number(String n) {
        try {
            return Integer.parseInt(n);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public List<CommandRef> of(PhaseName phase, boolean inFinally) {
        return refs.stream().filter(r -> r.phase() == phase && r.inFinally() == inFinally).toList();
    }

    public int count(PhaseName phase) {
        return (int) refs.stream().filter(r -> r.phase() == phase).count();
    }
}
