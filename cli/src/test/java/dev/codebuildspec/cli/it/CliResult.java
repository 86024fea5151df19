package dev.codebuildspec.cli.it;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a CLI run produced: exit status, raw output bytes, and the build record if one was written. */
public record CliResult(int exit, byte[] outputBytes, String recordJson) {
    private static final Pattern TIMESTAMP =
            Pattern.compile("\\[Container\\] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} ");

    public String output() {
        return new String(outputBytes, StandardCharsets.UTF_8);
    }

    /** The output with agent timestamps removed: {@code [Container] Entering phase BUILD}. */
    public String log() {
        return TIMESTAMP.matcher(output()).replaceAll("[Container] ");
    }

    /** Command output only: every line that is neither an agent line nor the CLI's closing line (on stderr). */
    public List<String> commandOutput() {
        List<String> lines = new ArrayList<>();
        for (String l : log().split("\n", -1)) {
            if (!l.startsWith("[Container] ") && !l.startsWith("codebuild-spec: Build ")) {
                lines.add(l);
            }
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    public JsonObject record() {
        if (recordJson == null) {
            throw new AssertionError("no build record was written; output:\n" + output());
        }
        return JsonParser.parseString(recordJson).getAsJsonObject();
    }

    public String buildStatus() {
        return record().get("buildStatus").getAsString();
    }

    /** phaseType to phaseStatus, in record order. */
    public Map<String, String> phaseStatuses() {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonElement p : record().getAsJsonArray("phases")) {
            m.put(p.getAsJsonObject().get("phaseType").getAsString(), p.getAsJsonObject().get("phaseStatus").getAsString());
        }
        return m;
    }

    public JsonObject phase(String type) {
        for (JsonElement p : record().getAsJsonArray("phases")) {
            if (p.getAsJsonObject().get("phaseType").getAsString().equals(type)) {
                return p.getAsJsonObject();
            }
        }
        throw new AssertionError("no phase " + type + " in " + recordJson);
    }

    public Map<String, String> exported() {
        Map<String, String> m = new LinkedHashMap<>();
        for (JsonElement e : record().getAsJsonArray("exportedEnvironmentVariables")) {
            m.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject().get("value").getAsString());
        }
        return m;
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n" + output();
    }
}
