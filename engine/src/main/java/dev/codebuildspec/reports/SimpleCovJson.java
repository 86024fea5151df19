package dev.codebuildspec.reports;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SIMPLECOV: SimpleCov's JSON, in the three shapes found in the wild:
 * <ul>
 *   <li>{@code .resultset.json}: {@code {"<command>": {"coverage": {"<file>": {"lines": [...],
 *       "branches": {...}}}}}}, older versions with the lines array directly under the file;</li>
 *   <li>simplecov_json_formatter's {@code coverage.json}: {@code {"coverage": {"<file>":
 *       {"lines": [...], "branches": [{"coverage": n}, ...]}}}};</li>
 *   <li>the older simplecov-json's {@code {"metrics": {"covered_percent", "covered_lines",
 *       "total_lines"}}}, used only when the file has no per-file data.</li>
 * </ul>
 * A lines entry is null for a line that is not code, else its hit count; covered means above 0.
 * Several commands in one resultset (RSpec and Cucumber, say) are merged the way SimpleCov
 * merges them, per file and line: a line is covered if any command covered it.
 */
final class SimpleCovJson {
    private SimpleCovJson() {}

    /** One file's lines (-1 not code, 0 missed, 1 covered) and branches, merged across commands. */
    private static final class FileCoverage {
        byte[] lines = new byte[0];
        final Map<String, Boolean> branches = new HashMap<>();

        void line(int index, byte state) {
            if (index >= lines.length) {
                int old = lines.length;
                lines = Arrays.copyOf(lines, Math.max(index + 1, old * 2));
                Arrays.fill(lines, old, lines.length, (byte) -1);
            }
            lines[index] = (byte) Math.max(lines[index], state);
        }

        void branch(String key, boolean covered) {
            branches.merge(key, covered, Boolean::logicalOr);
        }
    }

    private static final class Result {
        final Map<String, FileCoverage> files = new HashMap<>();
        final Set<String> filesWithBranches = new HashSet<>();
        CoverageSummary metrics;
    }

    static CoverageSummary read(InputStream in) throws IOException, ReportException {
        Result r = JsonInput.read(in, json -> {
            Result result = new Result();
            JsonInput.expect(json, JsonToken.BEGIN_OBJECT, "a SimpleCov JSON object");
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (name.equals("coverage")) {
                    readFiles(json, result);
                } else if (name.equals("metrics") && json.peek() == JsonToken.BEGIN_OBJECT) {
                    result.metrics = readMetrics(json);
                } else if (json.peek() == JsonToken.BEGIN_OBJECT && !name.equals("meta") && !name.equals("groups")) {
                    readCommand(json, result);
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
            return result;
        });
        if (!r.files.isEmpty()) {
            return summarize(r);
        }
        if (r.metrics != null) {
            return r.metrics;
        }
        throw new ReportException("no coverage data: expected a resultset's \"coverage\" or a \"metrics\" object");
    }

    /** A resultset entry: {@code {"coverage": {...}, "timestamp": n}}. */
    private static void readCommand(JsonReader json, Result result) throws IOException, ReportException {
        json.beginObject();
        while (json.hasNext()) {
            if (json.nextName().equals("coverage")) {
                readFiles(json, result);
            } else {
                json.skipValue();
            }
        }
        json.endObject();
    }

    private static void readFiles(JsonReader json, Result result) throws IOException, ReportException {
        JsonInput.expect(json, JsonToken.BEGIN_OBJECT, "\"coverage\" to be an object of files");
        json.beginObject();
        while (json.hasNext()) {
            String file = json.nextName();
            FileCoverage fc = result.files.computeIfAbsent(file, f -> new FileCoverage());
            if (json.peek() == JsonToken.BEGIN_ARRAY) {
                readLines(json, fc);
                continue;
            }
            JsonInput.expect(json, JsonToken.BEGIN_OBJECT, "the coverage of " + file + " to be an object");
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                if (name.equals("lines") && json.peek() == JsonToken.BEGIN_ARRAY) {
                    readLines(json, fc);
                } else if (name.equals("branches") && json.peek() == JsonToken.BEGIN_OBJECT) {
                    result.filesWithBranches.add(file);
                    readResultsetBranches(json, fc);
                } else if (name.equals("branches") && json.peek() == JsonToken.BEGIN_ARRAY) {
                    result.filesWithBranches.add(file);
                    readFormatterBranches(json, fc);
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
        }
        json.endObject();
    }

    private static void readLines(JsonReader json, FileCoverage fc) throws IOException {
        json.beginArray();
        for (int i = 0; json.hasNext(); i++) {
            fc.line(i, hits(json));
        }
        json.endArray();
    }

    /** -1 for null or "ignored" (not code, or excluded with :nocov:), else 1 if hit, 0 if not. */
    private static byte hits(JsonReader json) throws IOException {
        if (json.peek() == JsonToken.NUMBER) {
            return json.nextDouble() > 0 ? (byte) 1 : (byte) 0;
        }
        json.skipValue();
        return -1;
    }

    /** {@code {"[:if, 0, 3, 4, 3, 21]": {"[:then, 1, 3, 4, 3, 10]": 0, "[:else, ...]": 1}}}. */
    private static void readResultsetBranches(JsonReader json, FileCoverage fc) throws IOException {
        json.beginObject();
        while (json.hasNext()) {
            String condition = json.nextName();
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                json.skipValue();
                continue;
            }
            json.beginObject();
            while (json.hasNext()) {
                String key = condition + " " + json.nextName();
                byte h = hits(json);
                if (h >= 0) {
                    fc.branch(key, h > 0);
                }
            }
            json.endObject();
        }
        json.endObject();
    }

    /** {@code [{"type": "then", "start_line": 3, "coverage": 0}, ...]}: one file, never merged. */
    private static void readFormatterBranches(JsonReader json, FileCoverage fc) throws IOException {
        json.beginArray();
        for (int i = 0; json.hasNext(); i++) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                json.skipValue();
                continue;
            }
            json.beginObject();
            while (json.hasNext()) {
                if (json.nextName().equals("coverage")) {
                    byte h = hits(json);
                    if (h >= 0) {
                        fc.branch(Integer.toString(i), h > 0);
                    }
                } else {
                    json.skipValue();
                }
            }
            json.endObject();
        }
        json.endArray();
    }

    private static CoverageSummary readMetrics(JsonReader json) throws IOException {
        Map<String, Double> m = new HashMap<>();
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (json.peek() == JsonToken.NUMBER) {
                m.put(name, json.nextDouble());
            } else {
                json.skipValue();
            }
        }
        json.endObject();
        Optional<CoverageCounts> lines = counts(m, "covered_lines", "total_lines");
        Optional<CoverageCounts> branches = counts(m, "covered_branches", "total_branches");
        Optional<Double> linePercent = lines.isPresent() ? lines.get().percent() : Optional.ofNullable(m.get("covered_percent"));
        Optional<Double> branchPercent = branches.isPresent()
                ? branches.get().percent() : Optional.ofNullable(m.get("covered_branches_percent"));
        return new CoverageSummary(linePercent, branchPercent, lines, branches);
    }

    private static Optional<CoverageCounts> counts(Map<String, Double> m, String covered, String total) {
        Double c = m.get(covered);
        Double t = m.get(total);
        if (c == null || t == null || c < 0 || c > t || c != Math.rint(c) || t != Math.rint(t)) {
            return Optional.empty();
        }
        return Optional.of(new CoverageCounts(c.longValue(), t.longValue()));
    }

    private static CoverageSummary summarize(Result r) {
        long coveredLines = 0;
        long totalLines = 0;
        long coveredBranches = 0;
        long totalBranches = 0;
        for (FileCoverage fc : r.files.values()) {
            for (byte b : fc.lines) {
                if (b >= 0) {
                    totalLines++;
                    coveredLines += b;
                }
            }
            for (boolean covered : fc.branches.values()) {
                totalBranches++;
                coveredBranches += covered ? 1 : 0;
            }
        }
        Optional<CoverageCounts> branches = r.filesWithBranches.isEmpty()
                ? Optional.empty() : Optional.of(new CoverageCounts(coveredBranches, totalBranches));
        return CoverageSummary.ofCounts(Optional.of(new CoverageCounts(coveredLines, totalLines)), branches);
    }
}
