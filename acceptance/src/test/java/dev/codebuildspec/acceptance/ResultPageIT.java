package dev.codebuildspec.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.codebuildspec.acceptance.Suite.Where;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A build's result page as a picture, in Chromium: the phase timeline of a failed build and the graph of a batch
 * whose dependency failed, read back from the charts the page drew, with a screenshot of each kept with the run.
 */
class ResultPageIT extends BrowserCase {
    private static final Duration BUILD = Duration.ofMinutes(3);

    /** The page of the build's buildspec result, opened once its pictures are drawn. */
    private static void openResultPage(Build b) throws Exception {
        String id = b.buildspecRecord().get("id").getAsString();
        browser.get(b.path() + "codebuild-spec-" + id.substring(id.lastIndexOf(':') + 1) + "/");
        browser.waiting().until(d -> browser.script("return document.body.getAttribute('data-codebuild-spec-charts')") != null);
    }

    /** What an ECharts instance on the page draws: its option, as JSON. */
    private static JsonObject chart(String elementScript) {
        String json = (String) browser.script("const e = " + elementScript + ";"
                + "const c = echarts.getInstanceByDom(e); const o = c.getOption();"
                + "return JSON.stringify({width: c.getWidth(), height: c.getHeight(), yAxis: o.yAxis, series: o.series,"
                + " error: getComputedStyle(document.body).getPropertyValue('--error-color').trim(),"
                + " success: getComputedStyle(document.body).getPropertyValue('--success-color').trim()});");
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void aFailedBuildShowsItsPhasesAndStepsOnATimeline() throws Exception {
        Where where = Where.AGENT;
        String job = "timeline-" + where;
        suite.jenkins.createJob(job, Jobs.pipeline(Jobs.step(where.label, suite.image, "", """
                version: 0.2
                phases:
                  install:
                    commands:
                      - mkdir -p /root/.timeline-cache && echo kept > /root/.timeline-cache/n
                  build:
                    commands:
                      - mkdir -p reports && echo '<testsuite name="t" tests="1"><testcase name="ok"/></testsuite>' > reports/TEST-t.xml
                      - sleep 3
                      - sh -c 'exit 3'
                  post_build:
                    commands:
                      - echo post
                reports:
                  unit:
                    files:
                      - 'reports/TEST-*.xml'
                cache:
                  paths:
                    - '/root/.timeline-cache/**/*'
                """)));
        Build b = suite.jenkins.build(job);
        assertThat(b.awaitResult(BUILD)).as(b.console()).isEqualTo("FAILURE");
        JsonObject record = b.buildspecRecord();
        List<String> steps = new ArrayList<>();
        for (JsonElement s : record.getAsJsonArray("steps")) {
            steps.add(s.getAsJsonObject().get("name").getAsString());
            assertThat(s.getAsJsonObject().get("endTime").getAsLong())
                    .isGreaterThanOrEqualTo(s.getAsJsonObject().get("startTime").getAsLong());
        }
        assertThat(steps).as("the REST record's steps").containsExactly("CACHE_RESTORE", "REPORTS");

        openResultPage(b);
        JsonObject c = chart("document.getElementById('codebuild-spec-timeline')");
        assertThat(c.get("width").getAsInt()).isPositive();
        List<String> labels = new ArrayList<>();
        c.getAsJsonArray("yAxis").get(0).getAsJsonObject().getAsJsonArray("data").forEach(l -> labels.add(l.getAsString()));
        assertThat(labels).as("one bar per phase and step, in the order they began").containsSubsequence(
                "DOWNLOAD_SOURCE", "cache restore", "INSTALL", "BUILD", "POST_BUILD", "reports", "FINALIZING");
        JsonArray bars = c.getAsJsonArray("series").get(1).getAsJsonObject().getAsJsonArray("data");
        JsonObject build = bars.get(labels.indexOf("BUILD")).getAsJsonObject();
        assertThat(build.getAsJsonObject("bar").get("status").getAsString()).isEqualTo("FAILED");
        assertThat(build.getAsJsonObject("itemStyle").get("color").getAsString()).as("the design library's error colour")
                .isEqualTo(c.get("error").getAsString()).isNotEmpty();
        assertThat(build.getAsJsonObject("bar").get("context").getAsString()).contains("exit status 3");
        // Phases are timed by the driver's clock, not when Jenkins' polls (up to 5 s apart) saw them.
        assertThat(build.get("value").getAsLong()).as("BUILD took its sleep").isBetween(2990L, 4500L);
        JsonObject install = bars.get(labels.indexOf("INSTALL")).getAsJsonObject();
        assertThat(install.getAsJsonObject("itemStyle").get("color").getAsString()).isEqualTo(c.get("success").getAsString());
        WebElement timeline = browser.driver.findElement(By.id("codebuild-spec-timeline"));
        assertThat(browser.driver.findElement(By.id("codebuild-spec-failure")).getText()).contains("BUILD FAILED", "exit status 3");
        assertThat(browser.driver.findElements(By.cssSelector("table.jenkins-table"))).as("the tables stay").isNotEmpty();
        Path shot = browser.screenshot(browser.driver.findElement(By.id("codebuild-spec-timeline-section")),
                "timeline-failed-build");
        assertThat(timeline.getSize().getHeight()).as("one row per bar").isGreaterThan(labels.size() * 20);
        assertThat(Files.size(shot)).isGreaterThan(5000);
        browser.get(b.path());
        assertThat(browser.driver.findElement(By.cssSelector(".codebuild-spec-summary-failure")).getText())
                .as("the build's own page says why").contains("phase BUILD FAILED", "exit status 3");
        Suite.assertClean(b, where, List.of());
    }

    @Test
    void aBatchWithAFailedDependencyShowsItsGraphAndCriticalPath() throws Exception {
        Where where = Where.CONTROLLER;
        String job = "batch-graph-" + where;
        suite.jenkins.createJob(job, Jobs.pipeline(Jobs.step(where.label, suite.image, ", batch: true, parallel: 2", """
                version: 0.2
                batch:
                  build-graph:
                    - identifier: prepare
                    - identifier: compile
                      depend-on: [prepare]
                      env:
                        variables:
                          WORK: "3"
                    - identifier: lint
                      depend-on: [prepare]
                      env:
                        variables:
                          FAIL: "yes"
                    - identifier: package
                      depend-on: [compile, lint]
                phases:
                  build:
                    commands:
                      - sleep "${WORK:-0}"
                      - test -z "$FAIL"
                """)));
        Build b = suite.jenkins.build(job);
        assertThat(b.awaitResult(BUILD)).as(b.console()).isEqualTo("FAILURE");
        JsonObject record = b.buildspecRecord();
        assertThat(record.getAsJsonArray("criticalPath").toString()).isEqualTo("[\"prepare\",\"compile\"]");
        assertThat(b.console()).containsPattern("\\[batch] critical path: prepare -> compile \\(\\d+ s\\)");
        assertThat(suite.jenkins.get(b.path()).body()).as("the build's own page")
                .containsPattern("Critical path: prepare\\s*\u2192\\s*compile");
        JsonObject pkg = record.getAsJsonArray("builds").get(3).getAsJsonObject();
        assertThat(pkg.getAsJsonArray("dependsOn").toString()).isEqualTo("[\"compile\",\"lint\"]");
        assertThat(pkg.get("buildStatus").getAsString()).isEqualTo("STOPPED");
        assertThat(record.getAsJsonArray("builds").get(1).getAsJsonObject().get("endTime").getAsLong())
                .isGreaterThan(record.getAsJsonArray("builds").get(1).getAsJsonObject().get("startTime").getAsLong());

        openResultPage(b);
        JsonObject graph = chart("document.getElementById('codebuild-spec-batch-graph')").getAsJsonArray("series").get(0)
                .getAsJsonObject();
        List<String> nodes = new ArrayList<>();
        for (JsonElement n : graph.getAsJsonArray("data")) {
            JsonObject o = n.getAsJsonObject();
            nodes.add(o.get("name").getAsString() + " " + o.getAsJsonObject("child").get("status").getAsString()
                    + (o.get("critical").getAsBoolean() ? " critical" : ""));
        }
        assertThat(nodes).containsExactly("prepare SUCCEEDED critical", "compile SUCCEEDED critical", "lint FAILED",
                "package STOPPED");
        List<String> links = new ArrayList<>();
        for (JsonElement l : graph.getAsJsonArray("links")) {
            JsonObject o = l.getAsJsonObject();
            links.add(o.get("source").getAsString() + ">" + o.get("target").getAsString()
                    + (o.get("critical").getAsBoolean() ? " critical" : ""));
        }
        assertThat(links).containsExactlyInAnyOrder("prepare>compile critical", "prepare>lint", "compile>package",
                "lint>package");
        assertThat(browser.driver.findElement(By.id("codebuild-spec-critical-path")).getText())
                .contains("prepare", "compile").doesNotContain("lint");
        assertThat(browser.driver.findElements(By.cssSelector(".codebuild-spec-timeline canvas")))
                .as("each child that ran has its own timeline").hasSize(3);
        WebElement picture = browser.driver.findElement(By.id("codebuild-spec-batch-graph"));
        Path shot = browser.screenshot(browser.driver.findElement(By.id("codebuild-spec-batch-section")),
                "batch-graph-failed-dependency");
        assertThat(Files.size(shot)).isGreaterThan(5000);

        // A node leads to its child's phases and log tail.
        browser.script("echarts.getInstanceByDom(arguments[0]).trigger('click', {dataType: 'node', data: {name: 'lint'}});",
                picture);
        assertThat(browser.script("return location.hash + ' ' + document.getElementById('log-lint').open")).isEqualTo("#child-lint true");
        assertThat(browser.driver.findElement(By.id("log-lint")).getText()).contains("Running command test -z \"$FAIL\"");
        Suite.assertClean(b, where, List.of());
    }
}
