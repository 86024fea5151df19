package dev.codebuildspec.parse;

import dev.codebuildspec.buildspec.BatchTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A dependency cycle of a build-graph, by depth-first search: the first one found, as a closed path a -> b -> a. */
final class CycleFinder {
    private final Map<String, BatchTask> byId;
    private final Map<String, Integer> state = new LinkedHashMap<>(); // 1 = on stack, 2 = done
    private final List<String> stack = new ArrayList<>();

    CycleFinder(Map<String, BatchTask> byId) {
        this.byId = byId;
    }

    Optional<List<String>> find() {
        for (String id : byId.keySet()) {
            Optional<List<String>> c = visit(id);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private Optional<List<String>> visit(String id) {
        Integer s = state.get(id);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
            cycle.add(id);
            return Optional.of(cycle);
        }
        state.put(id, 1);
        stack.add(id);
        for (String dep : byId.get(id).dependOn()) {
            if (byId.containsKey(dep)) {
                Optional<List<String>> c = visit(dep);
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        stack.remove(stack.size() - 1);
        state.put(id, 2);
        return Optional.empty();
    }
}
