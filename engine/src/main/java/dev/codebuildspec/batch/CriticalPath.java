package dev.codebuildspec.batch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chain of children that decided how long a batch took: from the child that ended last, back
 * through the dependency that ended last (the one it waited for), to a child that waited for none.
 * Children that never ran have no times and are never on it. Roots first.
 */
public final class CriticalPath {
    private CriticalPath() {
    }

    public static List<String> of(List<ChildOutcome> children) {
        Map<String, ChildOutcome> byId = children.stream()
                .collect(Collectors.toMap(ChildOutcome::identifier, Function.identity(), (a, b) -> a));
        Comparator<ChildOutcome> byEnd = Comparator.comparing(c -> c.end().orElse(Instant.MIN));
        Optional<ChildOutcome> at = children.stream().filter(c -> c.end().isPresent()).max(byEnd);
        List<String> path = new ArrayList<>();
        while (at.isPresent() && !path.contains(at.get().identifier())) {
            path.add(at.get().identifier());
            at = at.get().child().dependsOn().stream().map(byId::get)
                    .filter(c -> c != null && c.end().isPresent()).max(byEnd);
        }
        Collections.reverse(path);
        return List.copyOf(path);
    }
}
