package dev.codebuildspec.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.acceptance.Suite.Where;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's Jenkins examples, copied as written: only the image (a local one that has an {@code npm} stand-in) and
 * the agent label change, and {@code checkout scm} becomes writing the files the example expects. Examples that need
 * plugins a test Jenkins may lack ({@code aws(...)} from aws-credentials, {@code podTemplate} from kubernetes) are
 * left out by name.
 */
class ReadmeExamplesIT {
    static final String IMAGE = "codebuild-spec-acceptance/node-like:1";
    private static final String NPM = """
            #!/bin/sh
            # A stand-in for npm in the README's examples: 'ci' installs nothing, 'test' writes a JUnit report and dist/.
            case "$1" in
              ci) echo "npm ci: nothing to install" ;;
              test) mkdir -p build/reports dist && echo 'console.log(1)' > dist/app.js \\
                      && printf '<testsuite name="t" tests="1"><testcase classname="c" name="n"/></testsuite>' > build/reports/junit.xml \\
                      && echo "npm test: 1 passing" ;;
              *) echo "npm $*" ;;
            esac
            """;
    /** What {@code checkout scm} would have brought: the files each example names. */
    private static final String FILES = String.join("\n",
            "writeFile file: 'buildspec.yml', text: '''version: 0.2",
            "env:",
            "  exported-variables: [VERSION]",
            "batch:",
            "  build-list:",
            "    - identifier: linux",
            "phases:",
            "  build:",
            "    commands:",
            "      - npm ci",
            "      - export VERSION=1.2.3",
            "'''",
            "writeFile file: 'ci/matrix.yml', text: '''version: 0.2",
            "batch:",
            "  build-matrix:",
            "    dynamic:",
            "      env:",
            "        variables:",
            "          NODE: [\"18\", \"20\"]",
            "phases:",
            "  build:",
            "    commands:",
            "      - echo \"testing on node $NODE as $CODEBUILD_BATCH_BUILD_IDENTIFIER\"",
            "'''");
    private static Suite suite;

    @BeforeAll
    static void image() throws Exception {
        suite = Suite.get();
        Path context = Files.createTempDirectory("node-like");
        Path npm = Files.writeString(context.resolve("npm"), NPM);
        Files.setPosixFilePermissions(npm, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + suite.image + "\nCOPY npm /usr/local/bin/npm\n");
        Process build = new ProcessBuilder("docker", "build", "-q", "-t", IMAGE, context.toString())
                .redirectErrorStream(true).start();
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor()).as(out).isZero();
    }

    /** The README's groovy blocks that a test Jenkins with the plugins we target can run. */
    static List<String> examples() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("user.dir")).resolveSibling("README.md"));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```groovy\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (m.find()) {
            for (String part : m.group(1).split("\\n(?=// Declarative)")) {
                if (!part.contains("aws(credentialsId") && !part.contains("podTemplate(")) {
                    blocks.add(part);
                }
            }
        }
        return blocks;
    }

    @ParameterizedTest
    @EnumSource(Where.class)
    void theReadmesJenkinsExamplesRunAsWritten(Where where) throws Exception {
        List<String> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        for (int i = 0; i < examples.size(); i++) {
            String script = examples.get(i)
                    .replace("'docker'", "'" + where.label + "'")
                    .replaceAll("'node:20'", "'" + IMAGE + "'")
                    .replace("checkout scm", FILES);
            if (!script.contains("checkout") && !script.contains("writeFile")) {
                // A Declarative example without a checkout: its files come before its step, in a script block.
                script = script.replace("steps {", "steps {\n" + "script { " + FILES + " }\n");
            }
            String job = "readme-" + i + "-" + where;
            suite.jenkins.createJob(job, Jobs.pipeline(script));
            Build b = suite.jenkins.build(job);
            assertThat(b.awaitResult(Duration.ofMinutes(4))).as("README example %d:\n%s\n%s", i, script, b.console())
                    .isEqualTo("SUCCESS");
            Suite.assertClean(b, where, List.of());
        }
    }
}
