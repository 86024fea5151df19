package dev.codebuildspec.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that child identifiers are unique and that {@code depend-on} forms a DAG over them. The
 * parser reports the same problems as diagnostics; this guards the planner and the scheduler
 * against a hand-built spec, since a cycle would otherwise leave children waiting forever.
 */
final class DependencyCheck {
    private DependencyCheck() {
    }

    /** @throws IllegalArgumentException naming the duplicate, the unknown dependency or the cycle */
    static void check(List<ChildBuild> children) {
        Map<String, ChildBuild> byId = new LinkedHashMap<>();
        for (ChildBuild c : children) {
            if (byId.putIfAbsent(c.identifier(), c) != null) {
                throw new IllegalArgumentException("duplicate batch identifier " + c.identifier());
            }
        }
        for (ChildBuild c : children) {
            for (String dep : c.dependsOn()) {
                if (!byId.containsKey(dep)) {
                    throw new IllegalArgumentException("batch build " + c.identifier() + " depends on " + dep
                            + ", which is not the identifier of any build in the batch");
                }
            }
        }
        findCycle(byId).ifPresent(cycle -> {
            throw new IllegalArgumentException("batch dependency cycle: " + String.join(" -> ", cycle));
        });
    }

    /** Depth-first search in plan order; the first cycle found as a closed path a -> b -> a. */
    private static Optional<List<String>> findCycle(Map<String, ChildBuild> byId) {
        Map<String, Boolean> done = new HashMap<>(); // false: on the current path, true: finished
        for (String id : byId.keySet()) {
            Optional<List<String>> cycle = visit(id, byId, done, new ArrayList<>());
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(String id, Map<String, ChildBuild> byId, Map<String, Boolean> done,
            List<String> path) {
        Boolean state = done.get(id);
        if (Boolean.TRUE.equals(state)) {
            return Optional.empty();
        }
        if (Boolean.FALSE.equals(state)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            cycle.add(id);
            return Optional.of(cycle);
        }
        done.put(id, false);
        path.add(id);
        for (String dep : byId.get(id).dependsOn()) {
            Optional<List<String>> cycle = visit(dep, byId, done, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        done.put(id, true);
        return Optional.empty();
    }
}
