package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Position;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One {@code key: value} pair of a mapping. {@code path} is the dotted key path used in messages
 * ({@code phases.build.commands}), so every message can say exactly which key it is about.
 */
record Field(String key, Node keyNode, Node value, String path) {
    Position position() {
        return Nodes.position(keyNode);
    }

    Position valuePosition() {
        return Nodes.position(value);
    }

    /** The path of a child key of this field's mapping value. */
    String child(String childKey) {
        return path + "." + childKey;
    }
}
