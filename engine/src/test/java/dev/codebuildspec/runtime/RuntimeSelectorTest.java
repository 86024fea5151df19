package dev.codebuildspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeSelectorTest {
    static final String FILE = """
            version: 0.1
            runtimes:
              nodejs:
                versions:
                  18:
                    aliases: [hydrogen]
                    commands:
                      - echo "Installing Node.js version 18 ..."
                      - export NODE_HOME=/opt/node-18
                  20:
                    commands:
                      - export NODE_HOME=/opt/node-20
                  default:
                    commands:
                      - export NODE_HOME=/opt/node-$VERSION
              python:
                versions:
                  3.9:
                    commands: [export PY=3.9]
                  3.10:
                    commands: [export PY=3.10]
              android:
                versions:
                  29:
                    requires:
                      java: [openjdk8]
                    commands: [export ANDROID=29]
              java:
                versions:
                  openjdk8:
                    commands: [export JAVA=8]
                  corretto11:
                    commands: [export JAVA=11]
            """;

    private static List<RuntimeSelector.Selected> select(Map<String, String> env, String... pairs) throws Exception {
        Map<String, String> requested = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            requested.put(pairs[i], pairs[i + 1]);
        }
        return new RuntimeSelector(RuntimesFile.parse(FILE, RuntimesFile.IMAGE_PATH)).select(requested,
                name -> Optional.ofNullable(env.get(name)));
    }

    private static RuntimeSelector.Selected one(String runtime, String version) throws Exception {
        return select(Map.of(), runtime, version).get(0);
    }

    @Test
    void anExactVersionRunsItsCommandsAndSaysSoAsCodeBuildDoes() throws Exception {
        RuntimeSelector.Selected s = one("nodejs", "18");
        assertThat(s.logLine()).isEqualTo("Selecting 'nodejs' runtime version '18' based on manual selections...");
        assertThat(s.commands()).containsExactly("echo \"Installing Node.js version 18 ...\"", "export NODE_HOME=/opt/node-18");
    }

    @Test
    void majorDotXLatestAliasAndVariablesSelectAListedVersion() throws Exception {
        assertThat(one("nodejs", "18.x").version()).isEqualTo("18");
        assertThat(one("nodejs", "latest").version()).isEqualTo("20");
        assertThat(one("nodejs", "hydrogen").version()).isEqualTo("18");
        assertThat(one("python", "3.x").version()).as("3.10 is newer than 3.9").isEqualTo("3.10");
        assertThat(one("python", "3.10").commands()).containsExactly("export PY=3.10");
        assertThat(select(Map.of("NODE", "20"), "nodejs", "$NODE").get(0).version()).isEqualTo("20");
        assertThat(select(Map.of("NODE", "20"), "nodejs", "${NODE}").get(0).version()).isEqualTo("20");
    }

    @Test
    void anUnlistedVersionTakesTheDefaultWithVersionSet() throws Exception {
        RuntimeSelector.Selected s = one("nodejs", "22.1");
        assertThat(s.version()).isEqualTo("22.1");
        assertThat(s.commands()).containsExactly("export VERSION='22.1'", "export NODE_HOME=/opt/node-$VERSION");
    }

    @Test
    void unknownRuntimesAndVersionsAreRefusedWithCodeBuildsMessages() {
        assertThatThrownBy(() -> one("docker", "20")).hasMessage(
                "Unknown runtime named 'docker'. This build image has the following runtimes: nodejs, python, android, java");
        assertThatThrownBy(() -> one("python", "2.7")).hasMessage(
                "Unknown runtime version named '2.7' of python. This build image has the following versions: 3.9, 3.10");
        assertThatThrownBy(() -> one("nodejs", "16.x")).hasMessageStartingWith("Unknown runtime version named '16.x' of nodejs");
        // A file of the user's own is named as such, not as the image's.
        assertThatThrownBy(() -> new RuntimeSelector(RuntimesFile.parse(FILE, "team.yml")).select(Map.of("python", "2.7"),
                name -> Optional.empty())).hasMessage(
                "Unknown runtime version named '2.7' of python. The runtimes file team.yml has the following versions: 3.9, 3.10");
        assertThatThrownBy(() -> select(Map.of(), "nodejs", "$UNSET")).hasMessage(
                "runtime-versions: nodejs: $UNSET is not set");
    }

    @Test
    void aRequirementSelectsWhatItNeedsOrConflictsWithAnotherChoice() throws Exception {
        assertThat(select(Map.of(), "android", "29")).extracting(RuntimeSelector.Selected::logLine).containsExactly(
                "Selecting 'android' runtime version '29' based on manual selections...",
                "Selecting 'java' runtime version 'openjdk8' based on the requirements of 'android'...");
        assertThatThrownBy(() -> select(Map.of(), "java", "corretto11", "android", "29")).hasMessage(
                "Conflicting runtime versions: android 29 requires java openjdk8, but java corretto11 was selected");
    }

    @Test
    void aBrokenFileIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> RuntimesFile.parse("version: 0.1\n", "r.yml")).hasMessage("r.yml: no 'runtimes' section");
        assertThatThrownBy(() -> RuntimesFile.parse("runtimes:\n  nodejs: [1]\n", "r.yml"))
                .hasMessage("r.yml:2:11: nodejs must be a mapping");
        assertThatThrownBy(() -> RuntimesFile.parse("runtimes:\n  nodejs:\n    versions:\n      18:\n        commands: {a: b}\n",
                "r.yml")).hasMessage("r.yml:5:19: nodejs.versions.18.commands must be a list of strings");
        assertThatThrownBy(() -> RuntimesFile.parse("runtimes: [\n", "r.yml")).hasMessageStartingWith("r.yml:2:1: ");
    }
}
