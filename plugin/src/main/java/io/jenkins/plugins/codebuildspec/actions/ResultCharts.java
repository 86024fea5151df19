package io.jenkins.plugins.codebuildspec.actions;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the result page's pictures draw, as JSON for its script (charts.js): a build's phases and steps as bars on
 * one time axis, and a batch's children as a graph. Times are milliseconds from the build's first phase.
 */
final class ResultCharts {
    private ResultCharts() {
    }

    /** One bar per phase and per step, in the order they began; a phase before a step that began with it. */
    static String timeline(List<PhaseRow> phases, List<StepRow> steps) {
        List<JsonObject> bars = new ArrayList<>();
        long origin = phases.stream().mapToLong(PhaseRow::getStartMillis).min().orElse(0);
        for (PhaseRow p : phases) {
            Long end = p.getEndMillis();
            bars.add(bar("phase", p.getPhase(), p.getStatus(), p.getStartMillis() - origin,
                    (end != null ? end : p.getStartMillis() + p.getDurationSeconds() * 1000) - origin, p.getContext()));
        }
        for (StepRow s : steps) {
            JsonObject b = bar("step", s.getName().toLowerCase(Locale.ROOT).replace('_', ' '), s.getStatus(),
                    s.getStartMillis() - origin, s.getEndMillis() - origin, "");
            if (s.getPhase() != null) {
                b.addProperty("phase", s.getPhase());
            }
            bars.add(b);
        }
        bars.sort(Comparator.comparingLong((JsonObject b) -> b.get("start").getAsLong())
                .thenComparing(b -> b.get("kind").getAsString().equals("step")));
        JsonArray list = new JsonArray();
        bars.forEach(list::add);
        JsonObject o = new JsonObject();
        o.add("bars", list);
        return o.toString();
    }

    private static JsonObject bar(String kind, String label, String status, long start, long end, String context) {
        JsonObject b = new JsonObject();
        b.addProperty("kind", kind);
        b.addProperty("label", label);
        b.addProperty("status", status);
        b.addProperty("start", start);
        b.addProperty("end", Math.max(start, end));
        if (context != null && !context.isEmpty()) {
            b.addProperty("context", context);
        }
        return b;
    }

    /** A batch's children with their dependencies, status, duration and place on the critical path. */
    static String batchGraph(List<BatchChildRow> children, List<String> criticalPath) {
        JsonArray nodes = new JsonArray();
        for (BatchChildRow c : children) {
            JsonObject n = new JsonObject();
            n.addProperty("id", c.getIdentifier());
            n.addProperty("status", c.getStatus());
            if (c.getStartMillis() != null && c.getEndMillis() != null) {
                n.addProperty("millis", c.getEndMillis() - c.getStartMillis());
            }
            JsonArray deps = new JsonArray();
            c.getDependsOn().forEach(deps::add);
            n.add("dependsOn", deps);
            if (c.getReason() != null) {
                n.addProperty("reason", c.getReason());
            }
            nodes.add(n);
        }
        JsonArray critical = new JsonArray();
        criticalPath.forEach(critical::add);
        JsonObject o = new JsonObject();
        o.add("nodes", nodes);
        o.add("criticalPath", critical);
        return o.toString();
    }
}
