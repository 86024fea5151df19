package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code commands} and {@code finally} lists. Commands keep their raw scalar text; block
 * scalars are one command each, exactly as SnakeYAML folds them.
 */
final class CommandReader {
    private final NodeReader reader;

    CommandReader(NodeReader reader) {
        this.reader = reader;
    }

    /** {@code label} is CodeBuild's name for the list in messages: {@code Commands} or {@code Finally}. */
    Optional<List<Command>> read(Field f, String label) {
        Node v = f.value();
        if (Nodes.isEmptyNull(v)) {
            reader.error(f.position(), f.path() + " has no value; expected a list of commands");
            return Optional.empty();
        }
        if (v instanceof ScalarNode block && !block.getValue().isBlank()) {
            // CodeBuild runs a single string (often a `|` block) given for the list: as one command, as one list item
            // holding that block would be.
            reader.warning(f.position(), f.path() + " is one string, not a list of commands: it runs as one command, "
                    + "as a single `- |` item would (CodeBuild runs it so)");
            return Optional.of(List.of(new Command(block.getValue(), Nodes.position(v))));
        }
        if (!(v instanceof SequenceNode seq)) {
            reader.typeError(f, "a list of commands");
            return Optional.empty();
        }
        List<Command> commands = new ArrayList<>();
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Position p = Nodes.position(item);
            if (item instanceof ScalarNode s) {
                if (Nodes.isEmptyNull(s)) {
                    // A bare `-` or `- # comment`: CodeBuild goes on past it.
                    reader.warning(p, label + "[" + i + "] in " + f.path() + " has no value and is skipped");
                } else if (s.getValue().isBlank()) {
                    reader.error(p, "Expected " + label + "[" + i + "] in " + f.path() + " to be a command, found "
                            + (Nodes.isEmptyNull(s) ? "no value" : "an empty string"));
                } else {
                    commands.add(new Command(s.getValue(), p));
                }
            } else if (item instanceof MappingNode) {
                reader.error(p, notAString(label, i, p, "subkeys") + quoteHint(p));
            } else {
                reader.error(p, notAString(label, i, p, "a list"));
            }
        }
        return Optional.of(commands);
    }

    // CodeBuild's wording for an unquoted ": " in a command, which YAML turns into a mapping.
    private static String notAString(String label, int i, Position p, String found) {
        return "Expected " + label + "[" + i + "] to be of string type: found " + found + " instead at line "
                + p.line() + ", value of the key tag on line " + p.line() + " might be empty";
    }

    private String quoteHint(Position p) {
        String written = reader.sourceLine(p.line()).trim();
        if (written.startsWith("- ")) {
            written = written.substring(2).trim();
        }
        String quoted = written.contains("\"")
                ? "'" + written.replace("'", "''") + "'"
                : "\"" + written.replace("\\", "\\\\") + "\"";
        return ". A command containing \": \" must be quoted, e.g. - " + quoted;
    }
}
