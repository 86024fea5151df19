package dev.codebuildspec.record;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.codebuildspec.reports.CoverageSummary;
import dev.codebuildspec.reports.ReportGroupSummary;
import dev.codebuildspec.reports.TestSummary;

/** A report group summary with the field names of CodeBuild's Report API ({@code testSummary}, {@code codeCoverageSummary}). */
final class ReportJson {
    private ReportJson() {
    }

    static JsonObject of(ReportGroupSummary g) {
        JsonObject o = new JsonObject();
        o.addProperty("reportGroup", g.group());
        o.addProperty("fileFormat", g.format().name());
        o.addProperty("filesFound", g.filesFound());
        o.addProperty("filesParsed", g.filesParsed());
        JsonArray warnings = new JsonArray();
        g.warnings().forEach(warnings::add);
        o.add("warnings", warnings);
        g.tests().ifPresent(t -> o.add("testSummary", tests(t)));
        g.coverage().ifPresent(c -> o.add("codeCoverageSummary", coverage(c)));
        return o;
    }

    private static JsonObject tests(TestSummary t) {
        JsonObject o = new JsonObject();
        o.addProperty("total", t.total());
        JsonObject counts = new JsonObject();
        counts.addProperty("SUCCEEDED", t.passed());
        counts.addProperty("FAILED", t.failures());
        counts.addProperty("ERROR", t.errors());
        counts.addProperty("SKIPPED", t.skipped());
        o.add("statusCounts", counts);
        o.addProperty("durationInNanoSeconds", Math.round(t.durationSeconds() * 1e9));
        return o;
    }

    private static JsonObject coverage(CoverageSummary c) {
        JsonObject o = new JsonObject();
        c.linePercent().ifPresent(p -> o.addProperty("lineCoveragePercentage", p));
        c.lines().ifPresent(l -> {
            o.addProperty("linesCovered", l.covered());
            o.addProperty("linesMissed", l.total() - l.covered());
        });
        c.branchPercent().ifPresent(p -> o.addProperty("branchCoveragePercentage", p));
        c.branches().ifPresent(b -> {
            o.addProperty("branchesCovered", b.covered());
            o.addProperty("branchesMissed", b.total() - b.covered());
        });
        return o;
    }
}
