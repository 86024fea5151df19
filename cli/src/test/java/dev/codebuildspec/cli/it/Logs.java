package dev.codebuildspec.cli.it;

import java.util.ArrayList;
import java.util.List;

/** Views of a build's log for assertions. */
final class Logs {
    private static final String PREFIX = "[Container] ";

    private Logs() {
    }

    /** Every line of the log, timestamps removed ({@code [Container] Entering phase BUILD}). */
    static List<String> lines(CliResult r) {
        return List.of(r.log().split("\n", -1));
    }

    /** The agent lines only, without the {@code [Container] } prefix ({@code Entering phase BUILD}). */
    static List<String> agent(CliResult r) {
        List<String> out = new ArrayList<>();
        for (String l : lines(r)) {
            if (l.startsWith(PREFIX)) {
                out.add(l.substring(PREFIX.length()));
            }
        }
        return out;
    }

    /** The phase types of the record, in order. */
    static List<String> phases(CliResult r) {
        return new ArrayList<>(r.phaseStatuses().keySet());
    }

    /** The statusCode of the first context of a phase, "" when it has none. */
    static String contextCode(CliResult r, String phase) {
        var contexts = r.phase(phase).getAsJsonArray("contexts");
        return contexts.isEmpty() ? "" : contexts.get(0).getAsJsonObject().get("statusCode").getAsString();
    }

    static String contextMessage(CliResult r, String phase) {
        var contexts = r.phase(phase).getAsJsonArray("contexts");
        return contexts.isEmpty() ? "" : contexts.get(0).getAsJsonObject().get("message").getAsString();
    }
}
