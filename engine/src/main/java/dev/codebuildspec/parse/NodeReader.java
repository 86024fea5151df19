package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed access to the node tree for the section readers. Every accessor reports a positioned
 * diagnostic when the node has the wrong shape and returns empty, so a reader can carry on and
 * find the next problem instead of stopping at the first one.
 */
final class NodeReader {
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern ALPHANUMERIC_ID = Pattern.compile("[A-Za-z0-9_]+");

    private static final Set<String> TRUE = Set.of("yes", "true", "on");
    private static final Set<String> FALSE = Set.of("no", "false", "off");

    private final Diagnostics diagnostics;
    private final String sourceText;
    private boolean legacyVersion;

    NodeReader(Diagnostics diagnostics, String sourceText) {
        this.diagnostics = diagnostics;
        this.sourceText = sourceText;
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    void error(Position position, String message) {
        diagnostics.error(position, message);
    }

    void warning(Position position, String message) {
        diagnostics.warning(position, message);
    }

    void setLegacyVersion(boolean legacy) {
        this.legacyVersion = legacy;
    }

    boolean isLegacyVersion() {
        return legacyVersion;
    }

    /** Reports a 0.2-only key used under 0.1; the key is still read so its own problems show up too. */
    void requireVersion02(Field f) {
        if (legacyVersion) {
            error(f.position(), f.path() + " needs version 0.2 (this buildspec is version 0.1)");
        }
    }

    /** The source line (1-based) without its line break, for hints that quote what was written. */
    String sourceLine(int line) {
        String[] lines = sourceText.split("\r\n|\r|\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }

    // ---- mappings

    /** The entries of a mapping node, checking key types and duplicates; {@code path} names the mapping. */
    Fields fields(MappingNode node, String path, Position owner) {
        Map<String, Field> byKey = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            Node keyNode = t.getKeyNode();
            if (!(keyNode instanceof ScalarNode ks)) {
                error(Nodes.position(keyNode), "keys " + (path.isEmpty() ? "at the top level" : "in " + path)
                        + " must be scalars, found " + Nodes.describe(keyNode));
                continue;
            }
            String key = ks.getValue();
            Field previous = byKey.get(key);
            if (previous != null) {
                // SnakeYAML's own duplicate check only runs when constructing objects, so do it here.
                error(Nodes.position(keyNode), "duplicate key '" + key + "'"
                        + (path.isEmpty() ? "" : " in " + path) + " (first defined at " + previous.position() + ")");
                continue;
            }
            byKey.put(key, new Field(key, keyNode, t.getValueNode(), path.isEmpty() ? key : path + "." + key));
        }
        return new Fields(path, owner, byKey);
    }

    /**
     * The value of {@code f} as a mapping. No value ({@code key:}) counts as an empty mapping, as in
     * CodeBuild's Go YAML reading; any other non-mapping is an error and gives empty.
     */
    Optional<Fields> mapping(Field f) {
        Node v = f.value();
        if (v instanceof MappingNode m) {
            return Optional.of(fields(m, f.path(), f.position()));
        }
        if (Nodes.isEmptyNull(v)) {
            return Optional.of(Fields.empty(f.path(), f.position()));
        }
        typeError(f, "a mapping");
        return Optional.empty();
    }

    void typeError(Field f, String expected) {
        error(f.valuePosition(), f.path() + " must be " + expected + ", found " + Nodes.describe(f.value()));
    }

    // ---- scalars

    /** Raw scalar text ({@code 1.10} stays {@code "1.10"}); no value gives {@code ""}. */
    Optional<Text> scalar(Field f) {
        if (f.value() instanceof ScalarNode s) {
            return Optional.of(new Text(s.getValue(), f.valuePosition()));
        }
        typeError(f, "a scalar");
        return Optional.empty();
    }

    /** A scalar that must have some non-blank text. */
    Optional<Text> nonEmptyScalar(Field f) {
        Optional<Text> t = scalar(f);
        if (t.isPresent() && t.get().value().isBlank()) {
            error(f.valuePosition(), f.path() + " must not be empty");
            return Optional.empty();
        }
        return t;
    }

    Optional<String> optionalNonEmpty(Fields fields, String key) {
        return fields.get(key).flatMap(this::nonEmptyScalar).map(Text::value);
    }

    /** YAML 1.1 booleans as CodeBuild's docs use them: yes/no, true/false, on/off in any case. */
    Optional<Boolean> bool(Field f) {
        Optional<Text> t = scalar(f);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String v = t.get().value().trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return Optional.of(true);
        }
        if (FALSE.contains(v)) {
            return Optional.of(false);
        }
        error(f.valuePosition(), f.path() + " must be a boolean (yes/no, true/false, on/off), found "
                + Nodes.describe(f.value()));
        return Optional.empty();
    }

    boolean bool(Fields fields, String key, boolean defaultValue) {
        return fields.get(key).flatMap(this::bool).orElse(defaultValue);
    }

    // ---- lists

    /**
     * A list of non-empty scalars. No value gives an empty list. A single scalar is taken as a
     * one-element list with a warning when {@code singleAllowed}, else it is an error.
     */
    List<Text> scalarList(Field f, boolean singleAllowed) {
        Node v = f.value();
        List<Text> out = new ArrayList<>();
        if (Nodes.isEmptyNull(v)) {
            return out;
        }
        if (v instanceof ScalarNode s && singleAllowed) {
            warning(f.valuePosition(), f.path() + " should be a list; using the single value "
                    + Nodes.quote(s.getValue()) + " as a one-element list");
            if (s.getValue().isBlank()) {
                error(f.valuePosition(), f.path() + " must not be empty");
            } else {
                out.add(new Text(s.getValue(), f.valuePosition()));
            }
            return out;
        }
        if (!(v instanceof SequenceNode seq)) {
            typeError(f, "a list");
            return out;
        }
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String where = f.path() + "[" + i + "]";
            if (!(item instanceof ScalarNode s)) {
                error(Nodes.position(item), where + " must be a scalar, found " + Nodes.describe(item));
            } else if (s.getValue().isBlank()) {
                error(Nodes.position(item), where + " must not be empty");
            } else {
                out.add(new Text(s.getValue(), Nodes.position(item)));
            }
        }
        return out;
    }

    List<Text> scalarList(Fields fields, String key, boolean singleAllowed) {
        return fields.get(key).map(f -> scalarList(f, singleAllowed)).orElse(List.of());
    }

    static List<String> values(List<Text> texts) {
        return texts.stream().map(Text::value).toList();
    }
}
