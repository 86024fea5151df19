package dev.codebuildspec.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin's Jelly views and help files, checked as Jenkins reads them (the plugin cannot be built here). */
class PluginViewsLintTest {
    private static final Path PLUGIN = Path.of("../plugin/src/main").toAbsolutePath().normalize();
    private static final Path RESOURCES = PLUGIN.resolve("resources");
    private static final Path SOURCES = PLUGIN.resolve("java");
    private static final Path BINDING_VIEW =
            RESOURCES.resolve("io/jenkins/plugins/codebuildspec/credentials/CredentialBinding/config.jelly");

    @Test
    void everyViewAndHelpFileOfThePluginReadsCleanly() throws Exception {
        assertThat(Files.isDirectory(RESOURCES)).as(RESOURCES.toString()).isTrue();
        assertThat(new ViewLint(RESOURCES, SOURCES).run()).isEmpty();
    }

    @Test
    void theCredentialFormThatBrokeTheConfigurePageIsCaught() throws Exception {
        // The line that stopped the freestyle configure page and the Snippet Generator (JellyException:
        // Unable to create expression: secret text).
        List<String> problems = new ViewLint(RESOURCES, SOURCES).jelly(BINDING_VIEW, """
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:entry field="variable" title="${%Variable (secret text, or the path of a secret file)}">
                    <f:textbox/>
                  </f:entry>
                </j:jelly>
                """);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "io/jenkins/plugins/codebuildspec/credentials/CredentialBinding/config.jelly:2: f:entry title")
                .contains("argument 'secret text' of ${%Variable (secret text, or the path of a secret file)} is not "
                        + "a valid JEXL expression"));
    }

    @Test
    void aKeyWhoseParenthesesWouldBeLostIsCaught() throws Exception {
        List<String> problems = new ViewLint(RESOURCES, SOURCES).jelly(BINDING_VIEW, """
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:entry field="variable" title="${%Timeout (minutes)}"/>
                  <f:entry field="variable" title="${%Built {0} ago(it.variable)}"/>
                </j:jelly>
                """);
        assertThat(problems).singleElement().asString().contains(":2: f:entry title")
                .contains("${%Timeout (minutes)} is the key 'Timeout ' with the argument(s) [minutes]");
    }

    @Test
    void fieldsExpressionsAndXmlAreChecked() throws Exception {
        List<String> problems = new ViewLint(RESOURCES, SOURCES).jelly(BINDING_VIEW, """
                <j:jelly xmlns:j="jelly:core" xmlns:f="/lib/form">
                  <f:entry field="variabel" title="${%Variable}"/>
                  <j:if test="${it.variable == }">${it.credentialId}</j:if>
                  <p>${%Unclosed(a}</p>
                </j:jelly>
                """);
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).contains(":2: f:entry field=\"variabel\": "
                + "io.jenkins.plugins.codebuildspec.credentials.CredentialBinding has no getter for 'variabel'");
        assertThat(problems.get(1)).contains(":3: j:if test: ${it.variable == } is not a valid JEXL expression");
        assertThat(problems.get(2)).contains(":3: text: ${it.credentialId} reads it.credentialId");
        assertThat(problems.get(3)).contains(":4: text: '${%Unclosed(a}' is missing ')' at the end");
        assertThat(new ViewLint(RESOURCES, SOURCES).jelly(BINDING_VIEW, "<j:jelly><f:entry></j:jelly>"))
                .singleElement().asString().contains(":1: not well-formed XML");
    }
}
