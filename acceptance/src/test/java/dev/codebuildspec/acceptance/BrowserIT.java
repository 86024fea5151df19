package dev.codebuildspec.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages a user configures the plugin on, in a headless Chromium: the freestyle form and the Snippet Generator. */
class BrowserIT extends BrowserCase {
    private static WebDriverWait waiting() {
        return browser.waiting();
    }

    private static void open(String path) {
        browser.get(path);
    }

    private static void saveConfiguration() {
        WebElement save = waiting().until(d -> d.findElement(By.cssSelector("button[name='Submit']")));
        browser.script("arguments[0].scrollIntoView(true);", save);
        save.click();
        waiting().until(d -> !d.getCurrentUrl().endsWith("/configure"));
    }

    /** The builder's element of a job's config.xml, as saved. */
    private static String builder(String job) throws Exception {
        Matcher m = Pattern.compile("<io\\.jenkins\\.plugins\\.codebuildspec\\.steps\\.CodeBuildSpecBuilder.*?"
                + "</io\\.jenkins\\.plugins\\.codebuildspec\\.steps\\.CodeBuildSpecBuilder>", Pattern.DOTALL)
                .matcher(suite.jenkins.configXml(job));
        assertThat(m.find()).isTrue();
        return m.group();
    }

    @Test
    void theFreestyleFormShowsTheStepAndSavingItUnchangedChangesNothing() throws Exception {
        String job = "browser-freestyle";
        // Saved as before the builder held the step's options: it loads, shows and saves in the new shape.
        suite.jenkins.createJob(job, Jobs.freestyleSavedFlat("built-in", suite.image, "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n",
                "<credentials><org.jenkinsci.plugins.credentialsbinding.impl.StringBinding><credentialsId>acc-string</credentialsId>"
                        + "<variable>TOKEN</variable></org.jenkinsci.plugins.credentialsbinding.impl.StringBinding></credentials>"
                        + "<env><io.jenkins.plugins.codebuildspec.steps.EnvironmentVariable><name>STAGE</name><value>test</value>"
                        + "</io.jenkins.plugins.codebuildspec.steps.EnvironmentVariable></env>"));
        open("/job/" + job + "/configure");
        waiting().until(d -> d.getPageSource().contains("Run a CodeBuild buildspec in Docker"));
        WebElement image = browser.driver.findElement(By.cssSelector("input[name='_.image']"));
        assertThat(image.getDomProperty("value")).isEqualTo(suite.image);
        // One form and one set of help pages for both steps: the freestyle step's help is the Pipeline step's.
        for (String field : List.of("image", "buildspecSecrets", "timeoutMinutes")) {
            WebElement help = browser.driver.findElement(By.cssSelector("[helpurl$='/help/" + field + "']"));
            String page = suite.jenkins.get(help.getDomAttribute("helpurl")).body();
            assertThat(page).as("help of " + field).contains("<div>").doesNotContain("Not Found");
        }
        assertThat(browser.driver.findElement(By.cssSelector("input[name='_.variable']")).getDomProperty("value")).isEqualTo("TOKEN");
        saveConfiguration();
        String first = builder(job);
        assertThat(first).contains("<step>", "<image>" + suite.image + "</image>", "<variable>TOKEN</variable>", "<name>STAGE</name>",
                "echo hi", "<timeoutMinutes>60</timeoutMinutes>");

        open("/job/" + job + "/configure");
        waiting().until(d -> d.getPageSource().contains("Run a CodeBuild buildspec in Docker"));
        saveConfiguration();
        assertThat(builder(job)).as("a second Save without changes").isEqualTo(first);
    }

    @Test
    void theSnippetGeneratorWritesTheStep() throws Exception {
        String job = "browser-snippet";
        suite.jenkins.createJob(job, Jobs.pipeline("echo 'nothing'"));
        open("/job/" + job + "/pipeline-syntax/");
        WebElement steps = waiting().until(d -> d.findElement(By.cssSelector("select.dropdownList")));
        Select select = new Select(steps);
        select.getOptions().stream().filter(o -> o.getText().startsWith("codebuildSpec")).findFirst()
                .orElseThrow(() -> new AssertionError("codebuildSpec is not among the Snippet Generator's steps"))
                .click();
        WebElement image = waiting().until(d -> d.findElements(By.cssSelector("input[name='_.image']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        image.sendKeys("node:20");
        WebElement timeout = browser.driver.findElements(By.cssSelector("input[name='_.timeoutMinutes']")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElseThrow();
        timeout.clear();
        timeout.sendKeys("30");
        browser.driver.findElement(By.id("generatePipelineScript")).click();
        WebElement snippet = browser.driver.findElement(By.id("prototypeText"));
        waiting().until(d -> !snippet.getDomProperty("value").isBlank());
        assertThat(snippet.getDomProperty("value")).isEqualTo("codebuildSpec image: 'node:20', timeoutMinutes: 30");
    }

    @Test
    void theStepsReferenceDescribesTheStep() throws Exception {
        String job = "browser-snippet";
        suite.jenkins.createJob(job, Jobs.pipeline("echo 'nothing'"));
        String page = suite.jenkins.get("/job/" + job + "/pipeline-syntax/html").body();
        int start = page.indexOf("<code>codebuildSpec</code>");
        assertThat(start).as("the step in the Steps Reference").isPositive();
        int end = page.indexOf("class=\"step-title", start + 1);
        String ours = page.substring(start, end < 0 ? page.length() : end);
        // Other plugins' steps may show such errors; ours must describe every option, credentials included.
        assertThat(ours).contains("<code>credentials</code>", "<code>timeoutMinutes</code>", "sshUserPrivateKey")
                .doesNotContain("UnsupportedOperationException", "do not know how to categorize");
    }
}
