package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Position;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Stateless facts about SnakeYAML nodes: where they are and how to name them in a message. */
final class Nodes {
    private static final int MAX_QUOTED = 60;

    private Nodes() {
    }

    /** SnakeYAML marks are 0-based; people and editors count from 1. */
    static Position position(Mark mark) {
        return mark == null ? Position.UNKNOWN : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    static Position position(Node node) {
        return position(node.getStartMark());
    }

    /** {@code key:} with nothing after it (an empty plain scalar resolved to null). */
    static boolean isEmptyNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.getValue().isEmpty();
    }

    /** What was found, for "expected X, found Y" messages. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode s) {
            if (isEmptyNull(s)) {
                return "no value";
            }
            return "the scalar " + quote(s.getValue());
        }
        return "an unsupported YAML node";
    }

    static String quote(String value) {
        String v = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return "'" + v.replace("\n", "\\n") + "'";
    }
}
