package dev.codebuildspec.runtime;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A runtimes file, in the format of CodeBuild's standard images:
 * <pre>
 * version: 0.1
 * runtimes:
 *   nodejs:
 *     versions:
 *       18:
 *         aliases: [lts]          # ours: other names that select this version
 *         commands: [n $NODE_18_VERSION]
 *       default:                  # any other version; $VERSION holds it
 *         commands: [n $VERSION]
 *   android:
 *     versions:
 *       29:
 *         requires: {java: [openjdk8]}
 *         commands: [...]
 * </pre>
 * Keys are read as written (a YAML {@code 3.10} stays "3.10"), and the map order is the file's.
 */
public record RuntimesFile(String name, Map<String, Map<String, RuntimeVersion>> runtimes) {
    public static final String IMAGE_PATH = "/codebuild/image/config/runtimes.yml";
    public static final String DEFAULT = "default";

    public RuntimesFile {
        Map<String, Map<String, RuntimeVersion>> copy = new LinkedHashMap<>();
        runtimes.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        runtimes = Collections.unmodifiableMap(copy);
    }

    /** One version of a runtime: the commands that select it, its other names, what it needs of other runtimes. */
    public record RuntimeVersion(List<String> commands, List<String> aliases, Map<String, List<String>> requires) {
        public RuntimeVersion {
            commands = List.copyOf(commands);
            aliases = List.copyOf(aliases);
            requires = Collections.unmodifiableMap(new LinkedHashMap<>(requires));
        }
    }

    /** A file that cannot be read as a runtimes file, said with its place. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    public static RuntimesFile parse(String text, String name) throws Invalid {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(50);
            options.setCodePointLimit(1024 * 1024);
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new Invalid(name + ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1)
                    + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new Invalid(name + ": " + e.getMessage());
        }
        Reader r = new Reader(name);
        Map<String, Map<String, RuntimeVersion>> runtimes = new LinkedHashMap<>();
        Node section = root == null ? null : r.mapping(root, "the file").get("runtimes");
        if (section == null) {
            throw new Invalid(name + ": no 'runtimes' section");
        }
        for (Map.Entry<String, Node> runtime : r.mapping(section, "runtimes").entrySet()) {
            Node versions = r.mapping(runtime.getValue(), runtime.getKey()).get("versions");
            if (versions == null) {
                throw r.invalid(runtime.getValue(), runtime.getKey() + " has no 'versions'");
            }
            Map<String, RuntimeVersion> byVersion = new LinkedHashMap<>();
            for (Map.Entry<String, Node> v : r.mapping(versions, runtime.getKey() + ".versions").entrySet()) {
                String where = runtime.getKey() + ".versions." + v.getKey();
                Map<String, Node> fields = r.mapping(v.getValue(), where);
                Map<String, List<String>> requires = new LinkedHashMap<>();
                if (fields.containsKey("requires")) {
                    for (Map.Entry<String, Node> req : r.mapping(fields.get("requires"), where + ".requires").entrySet()) {
                        requires.put(req.getKey(), r.strings(req.getValue(), where + ".requires." + req.getKey()));
                    }
                }
                byVersion.put(v.getKey(), new RuntimeVersion(r.strings(fields.get("commands"), where + ".commands"),
                        r.strings(fields.get("aliases"), where + ".aliases"), requires));
            }
            runtimes.put(runtime.getKey(), byVersion);
        }
        return new RuntimesFile(name, runtimes);
    }

    public Optional<Map<String, RuntimeVersion>> runtime(String runtime) {
        return Optional.ofNullable(runtimes.get(runtime));
    }

    /** Walks the node tree; every shape problem names the place. */
    private record Reader(String name) {
        Invalid invalid(Node n, String message) {
            return new Invalid(name + ":" + (n.getStartMark().getLine() + 1) + ":" + (n.getStartMark().getColumn() + 1)
                    + ": " + message);
        }

        Map<String, Node> mapping(Node n, String what) throws Invalid {
            if (n == null) {
                throw new Invalid(name + ": " + what + " is empty");
            }
            if (!(n instanceof MappingNode m)) {
                throw invalid(n, what + " must be a mapping");
            }
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.put(k.getValue(), t.getValueNode());
                }
            }
            return out;
        }

        List<String> strings(Node n, String what) throws Invalid {
            List<String> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            if (n instanceof ScalarNode s) {
                out.add(s.getValue());
                return out;
            }
            if (!(n instanceof SequenceNode seq)) {
                throw invalid(n, what + " must be a list of strings");
            }
            for (Node item : seq.getValue()) {
                if (!(item instanceof ScalarNode s)) {
                    throw invalid(item, what + " must be a list of strings");
                }
                out.add(s.getValue());
            }
            return out;
        }
    }
}
