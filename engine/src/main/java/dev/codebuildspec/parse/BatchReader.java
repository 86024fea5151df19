package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.BatchEnv;
import dev.codebuildspec.buildspec.BatchFanout;
import dev.codebuildspec.buildspec.BatchMatrix;
import dev.codebuildspec.buildspec.BatchSpec;
import dev.codebuildspec.buildspec.BatchTask;
import dev.codebuildspec.buildspec.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code batch}: fast-fail and exactly one of build-list, build-graph, build-matrix, build-fanout. */
final class BatchReader {
    private static final Set<String> KEYS = Set.of("fast-fail", "build-list", "build-graph", "build-matrix",
            "build-fanout");
    private static final Set<String> TASK_KEYS = Set.of("identifier", "buildspec", "debug-session", "depend-on",
            "env", "ignore-failure");
    private static final Set<String> TASK_ENV_KEYS = Set.of("compute-type", "fleet", "image", "privileged-mode",
            "type", "variables");
    private static final Set<String> STATIC_ENV_KEYS = Set.of("compute-type", "fleet", "image", "privileged-mode",
            "type");

    private final NodeReader reader;

    BatchReader(NodeReader reader) {
        this.reader = reader;
    }

    Optional<BatchSpec> read(Field f) {
        Optional<Fields> maybe = reader.mapping(f);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = maybe.get();
        fields.warnUnknown(KEYS, reader.diagnostics());
        boolean fastFail = reader.bool(fields, "fast-fail", false);
        List<BatchSpec.Kind> kinds = new ArrayList<>();
        for (BatchSpec.Kind k : BatchSpec.Kind.values()) {
            fields.get(k.yamlKey()).ifPresent(x -> kinds.add(k));
        }
        if (kinds.isEmpty()) {
            reader.error(f.position(), "batch needs exactly one of build-list, build-graph, build-matrix, "
                    + "build-fanout; found none");
            return Optional.empty();
        }
        if (kinds.size() > 1) {
            for (BatchSpec.Kind extra : kinds.subList(1, kinds.size())) {
                reader.error(fields.get(extra.yamlKey()).orElseThrow().position(), "batch needs exactly one of "
                        + "build-list, build-graph, build-matrix, build-fanout; found " + kinds.get(0).yamlKey()
                        + " and " + extra.yamlKey());
            }
        }
        BatchSpec.Kind kind = kinds.get(0);
        Field body = fields.get(kind.yamlKey()).orElseThrow();
        switch (kind) {
            case BUILD_LIST:
            case BUILD_GRAPH:
                return tasks(body, kind == BatchSpec.Kind.BUILD_GRAPH).map(tasks ->
                        new BatchSpec(fastFail, kind, tasks, Optional.empty(), Optional.empty(), f.position()));
            case BUILD_MATRIX:
                return matrix(body).map(m ->
                        new BatchSpec(fastFail, kind, List.of(), Optional.of(m), Optional.empty(), f.position()));
            default:
                return fanout(body).map(fo ->
                        new BatchSpec(fastFail, kind, List.of(), Optional.empty(), Optional.of(fo), f.position()));
        }
    }

    // ---- build-list / build-graph

    private Optional<List<BatchTask>> tasks(Field f, boolean graph) {
        if (!(f.value() instanceof SequenceNode seq)) {
            reader.typeError(f, "a list of tasks");
            return Optional.empty();
        }
        Map<String, BatchTask> byId = new LinkedHashMap<>();
        List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            Field itemField = new Field(f.key() + "[" + i + "]", item, item, f.path() + "[" + i + "]");
            reader.mapping(itemField).flatMap(fields -> task(itemField, fields, graph)).ifPresent(t -> {
                BatchTask previous = byId.get(t.identifier());
                if (previous != null) {
                    reader.error(t.position(), "duplicate batch identifier " + Nodes.quote(t.identifier())
                            + " (first defined at " + previous.position() + ")");
                } else {
                    byId.put(t.identifier(), t);
                }
            });
        }
        if (graph) {
            checkDependencies(byId);
        }
        return Optional.of(List.copyOf(byId.values()));
    }

    private Optional<BatchTask> task(Field item, Fields fields, boolean graph) {
        fields.warnUnknown(TASK_KEYS, reader.diagnostics());
        Optional<Text> id = fields.get("identifier").flatMap(reader::nonEmptyScalar);
        if (!fields.has("identifier")) {
            reader.error(item.position(), item.path() + ".identifier is missing; every batch task needs one");
        }
        id.filter(t -> !NodeReader.ALPHANUMERIC_ID.matcher(t.value()).matches()).ifPresent(t ->
                reader.error(t.position(), item.path() + ".identifier " + Nodes.quote(t.value())
                        + " must contain only letters, digits and underscores"));
        List<String> dependOn = List.of();
        Optional<Field> dependField = fields.get("depend-on");
        if (dependField.isPresent()) {
            if (!graph) {
                reader.warning(dependField.get().position(), dependField.get().path()
                        + " is only used in build-graph and is ignored in build-list");
            } else {
                dependOn = NodeReader.values(reader.scalarList(dependField.get(), true));
            }
        }
        BatchEnv env = fields.get("env").map(e -> env(e, TASK_ENV_KEYS)).orElse(BatchEnv.NONE);
        Optional<String> buildspec = reader.optionalNonEmpty(fields, "buildspec");
        fields.get("buildspec").ifPresent(f -> buildspec.ifPresent(b -> checkInsideSource(f.path(), b, f.position())));
        boolean debug = reader.bool(fields, "debug-session", false);
        boolean ignoreFailure = reader.bool(fields, "ignore-failure", false);
        List<String> deps = dependOn;
        return id.filter(t -> NodeReader.ALPHANUMERIC_ID.matcher(t.value()).matches()).map(t ->
                new BatchTask(t.value(), buildspec, debug, deps, ignoreFailure, env, t.position()));
    }

    /**
     * A child's buildspec is read from the source root, as CodeBuild reads it: a path that leads out of the source
     * (absolute, or through {@code ..}) is refused before anything runs, since a pull request may have written it.
     */
    private void checkInsideSource(String where, String path, Position position) {
        boolean outside;
        try {
            outside = path.startsWith("/") || java.nio.file.Path.of(path).normalize().startsWith("..");
        } catch (java.nio.file.InvalidPathException e) {
            outside = true;
        }
        if (outside) {
            reader.error(position, where + ": " + Nodes.quote(path) + " must be a path inside the source; a batch "
                    + "task's buildspec is read from the source root");
        }
    }

    private void checkDependencies(Map<String, BatchTask> byId) {
        for (BatchTask t : byId.values()) {
            for (String dep : t.dependOn()) {
                if (!byId.containsKey(dep)) {
                    reader.error(t.position(), "batch task " + t.identifier() + " has depend-on " + Nodes.quote(dep)
                            + ", which is not the identifier of any task in build-graph");
                }
            }
        }
        new CycleFinder(byId).find().ifPresent(cycle -> reader.error(byId.get(cycle.get(0)).position(),
                "build-graph has a dependency cycle: " + String.join(" -> ", cycle)));
    }

    private BatchEnv env(Field f, Set<String> keys) {
        return reader.mapping(f).map(fields -> {
            fields.warnUnknown(keys, reader.diagnostics());
            Optional<String> computeType = reader.optionalNonEmpty(fields, "compute-type");
            Optional<String> fleet = reader.optionalNonEmpty(fields, "fleet");
            if (computeType.isPresent() && fleet.isPresent()) {
                reader.error(fields.get("fleet").orElseThrow().position(), f.path()
                        + " sets both compute-type and fleet; use only one");
            }
            Optional<Boolean> privileged = fields.get("privileged-mode").flatMap(reader::bool);
            Map<String, String> variables = new LinkedHashMap<>();
            fields.get("variables").flatMap(reader::mapping).ifPresent(vars -> {
                for (Field v : vars.all()) {
                    checkVariableName(v);
                    reader.scalar(v).ifPresent(t -> variables.put(v.key(), t.value()));
                }
            });
            return new BatchEnv(computeType, fleet, reader.optionalNonEmpty(fields, "image"), privileged,
                    reader.optionalNonEmpty(fields, "type"), variables);
        }).orElse(BatchEnv.NONE);
    }

    private void checkVariableName(Field v) {
        if (!NodeReader.IDENTIFIER.matcher(v.key()).matches()) {
            reader.error(v.position(), "invalid environment variable name " + Nodes.quote(v.key()) + " in "
                    + v.path().substring(0, v.path().length() - v.key().length() - 1)
                    + ": use letters, digits and underscores, not starting with a digit");
        }
    }

    // ---- build-matrix

    private Optional<BatchMatrix> matrix(Field f) {
        return reader.mapping(f).map(fields -> {
            fields.warnUnknown(Set.of("static", "dynamic"), reader.diagnostics());
            BatchMatrix.Static st = fields.get("static").flatMap(reader::mapping).map(s -> {
                s.warnUnknown(Set.of("ignore-failure", "env"), reader.diagnostics());
                return new BatchMatrix.Static(reader.bool(s, "ignore-failure", false),
                        s.get("env").map(e -> env(e, STATIC_ENV_KEYS)).orElse(BatchEnv.NONE));
            }).orElse(BatchMatrix.Static.NONE);
            BatchMatrix.Dynamic dyn = fields.get("dynamic").flatMap(reader::mapping).map(this::dynamic)
                    .orElse(BatchMatrix.Dynamic.NONE);
            return new BatchMatrix(st, dyn, f.position());
        });
    }

    private BatchMatrix.Dynamic dynamic(Fields d) {
        d.warnUnknown(Set.of("buildspec", "env"), reader.diagnostics());
        List<Text> buildspecTexts = reader.scalarList(d, "buildspec", true);
        buildspecTexts.forEach(b -> checkInsideSource(d.path() + "/buildspec", b.value(), b.position()));
        List<String> buildspecs = NodeReader.values(buildspecTexts);
        List<String> computeTypes = new ArrayList<>();
        List<String> images = new ArrayList<>();
        Map<String, List<String>> variables = new LinkedHashMap<>();
        d.get("env").flatMap(reader::mapping).ifPresent(env -> {
            env.warnUnknown(Set.of("compute-type", "image", "variables"), reader.diagnostics());
            computeTypes.addAll(NodeReader.values(reader.scalarList(env, "compute-type", true)));
            images.addAll(NodeReader.values(reader.scalarList(env, "image", true)));
            env.get("variables").flatMap(reader::mapping).ifPresent(vars -> {
                for (Field v : vars.all()) {
                    checkVariableName(v);
                    variables.put(v.key(), NodeReader.values(reader.scalarList(v, true)));
                }
            });
        });
        return new BatchMatrix.Dynamic(buildspecs, computeTypes, images, variables);
    }

    // ---- build-fanout

    private Optional<BatchFanout> fanout(Field f) {
        return reader.mapping(f).flatMap(fields -> {
            fields.warnUnknown(Set.of("parallelism", "ignore-failure"), reader.diagnostics());
            boolean ignoreFailure = reader.bool(fields, "ignore-failure", false);
            Optional<Field> p = fields.get("parallelism");
            if (p.isEmpty()) {
                reader.error(f.position(), f.path() + ".parallelism is missing; build-fanout needs the number of "
                        + "parallel builds");
                return Optional.empty();
            }
            return reader.nonEmptyScalar(p.get()).flatMap(t -> parallelism(p.get(), t))
                    .map(n -> new BatchFanout(n, ignoreFailure, f.position()));
        });
    }

    private Optional<Integer> parallelism(Field f, Text t) {
        String v = t.value().trim();
        if (v.matches("[0-9]{1,9}") && Integer.parseInt(v) >= 1) {
            return Optional.of(Integer.parseInt(v));
        }
        Position p = t.position();
        reader.error(p, f.path() + " must be a whole number of at least 1, found " + Nodes.quote(t.value()));
        return Optional.empty();
    }
}
