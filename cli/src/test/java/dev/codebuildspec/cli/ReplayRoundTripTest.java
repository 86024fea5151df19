package dev.codebuildspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.replay.ReproduceLine;
import dev.codebuildspec.run.BuildContainer;
import dev.codebuildspec.run.BuildRequest;
import dev.codebuildspec.runtime.RuntimesFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line a build prints to reproduce it, split by a real shell and parsed by the CLI's own option parser,
 * gives the same request back: image, buildspec, plain variables (spaces, quotes, {@code $}, newlines),
 * secrets by name, secret files, timeout, project, build number and options.
 */
class ReplayRoundTripTest {
    private static final String SECRET = "t0ken-v4lue";

    @TempDir
    Path src;

    @Test
    void plainVariablesWithSpacesQuotesAndDollarsComeBackAsTheyWere() throws Exception {
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("GREETING", "hello world");
        plain.put("QUOTED", "it's \"quoted\" $HOME `date` \\ back");
        plain.put("EMPTY", "");
        plain.put("MULTI", "line one\nline two");
        plain.put("UNICODE", "grüße ✓");
        BuildRequest original = BuildRequest.builder(src, "registry.example.com/team/build:1.2")
                .inlineBuildspec("codebuild-spec-inline.yml", "version: 0.2\nphases: {}\n")
                .environment(plain, Map.of("TOKEN", SECRET))
                .timeout(Duration.ofMinutes(90))
                .identity("folder-my-job", 42, "jenkins")
                .build();
        BuildRequest back = roundTrip(new ReproduceLine(original, "codebuild-spec-inline.yml", Optional.empty(), false),
                Map.of("TOKEN", SECRET));
        assertThat(back.plainOverrides()).isEqualTo(plain);
        assertThat(back.secretOverrides()).isEqualTo(Map.of("TOKEN", SECRET));
        assertThat(back.buildspec()).isEqualTo("codebuild-spec-inline.yml");
        assertThat(back.timeout()).isEqualTo(Duration.ofMinutes(90));
        assertSame(original, back);
    }

    @Test
    void secretFilesOwnerModePrivilegeRuntimesBatchAndFractionsComeBack() throws Exception {
        Path kubeconfig = Files.writeString(src.resolve("kubeconfig"), "apiVersion: v1\n");
        Path runtimes = Files.writeString(src.resolve("team-runtimes.yml"), """
                runtimes:
                  nodejs:
                    versions:
                      18:
                        commands: [echo node 18]
                """);
        String inContainer = BuildContainer.SECRETS + "/0f1e2d";
        BuildRequest original = BuildRequest.builder(src, "node:20")
                .buildspec("ci/buildspec.yml")
                .environment(new LinkedHashMap<>(Map.of("KUBECONFIG", inContainer, "STAGE", "test")), Map.of())
                .secretFiles(Map.of(inContainer, "apiVersion: v1\n".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(150))
                .identity("p", 7, "jenkins")
                .owner("jenkins:x:y", OptionalInt.of(1000), OptionalInt.of(1000))
                .privileged(true)
                .driverAsOwner(true)
                .runtimesFile(Optional.of(RuntimesFile.parse(Files.readString(runtimes), "team-runtimes.yml")))
                .build();
        ReproduceLine command = new ReproduceLine(original, "ci/buildspec.yml", Optional.of(runtimes.toString()), true);
        assertThat(command.line()).doesNotContain("apiVersion").contains("--secret-file KUBECONFIG", "--as-owner",
                "--batch", "--timeout-minutes 2.5");
        assertThat(command.line()).doesNotContain("HOME=");
        assertThat(command.hint()).hasValueSatisfying(h -> assertThat(h).contains("KUBECONFIG"));
        BuildRequest back = roundTrip(command, Map.of("KUBECONFIG", kubeconfig.toString()));
        assertThat(back.secretFiles()).hasSize(1);
        String path = back.plainOverrides().get("KUBECONFIG");
        assertThat(path).startsWith(BuildContainer.SECRETS + "/");
        assertThat(new String(back.secretFiles().get(path), StandardCharsets.UTF_8)).isEqualTo("apiVersion: v1\n");
        assertThat(back.plainOverrides()).containsEntry("STAGE", "test").containsEntry("HOME", BuildContainer.OWNER_HOME);
        assertThat(back.timeout()).isEqualTo(Duration.ofSeconds(150));
        assertThat(back.privileged()).isTrue();
        assertThat(back.driverAsOwner()).isTrue();
        assertThat(back.runtimesFile().orElseThrow().runtimes()).isEqualTo(original.runtimesFile().orElseThrow().runtimes());
        assertSame(original, back);
    }

    @Test
    void theLineKeepsTheBatchBoundAndSecretsWhoseBindingDidNotResolve() {
        BuildRequest original = BuildRequest.builder(Path.of("/src"), "node:20").environment(Map.of(), Map.of("A", "x"))
                .identity("p", 1, "jenkins").build();
        ReproduceLine command = new ReproduceLine(original, "buildspec.yml", Optional.empty(), true, OptionalInt.of(3),
                List.of("NPM_TOKEN", "A"));
        assertThat(command.line()).contains("--secret A --secret NPM_TOKEN", "--batch --parallel 3")
                .doesNotContain("--secret A --secret NPM_TOKEN --secret A");
        assertThat(command.hint()).hasValueSatisfying(h -> assertThat(h).contains("A, NPM_TOKEN"));
    }

    @Test
    void aPlainBuildGivesAShortLine() throws Exception {
        BuildRequest original = BuildRequest.builder(src, "busybox").identity("demo", 1, "jenkins").build();
        ReproduceLine command = new ReproduceLine(original, "buildspec.yml", Optional.empty(), false);
        assertThat(command.line()).isEqualTo("codebuild-spec run --image busybox --project demo --build-number 1");
        assertThat(command.hint()).isEmpty();
        assertSame(original, roundTrip(command, Map.of()));
    }

    private static void assertSame(BuildRequest original, BuildRequest back) {
        assertThat(back.image()).isEqualTo(original.image());
        assertThat(back.project()).isEqualTo(original.project());
        assertThat(back.buildNumber()).isEqualTo(original.buildNumber());
        assertThat(back.timeout()).isEqualTo(original.timeout());
        assertThat(back.privileged()).isEqualTo(original.privileged());
        assertThat(back.driverAsOwner()).isEqualTo(original.driverAsOwner());
        assertThat(back.secretOverrides().keySet()).isEqualTo(original.secretOverrides().keySet());
    }

    /** Splits the line with a real shell, parses it with the CLI's parser, and makes the request from it. */
    private BuildRequest roundTrip(ReproduceLine command, Map<String, String> laptopEnvironment)
            throws IOException, InterruptedException {
        List<String> words = shellWords(command.line());
        assertThat(words.get(0)).isEqualTo("codebuild-spec");
        assertThat(words.subList(1, words.size())).isEqualTo(command.arguments());
        assertThat(words.get(1)).isEqualTo("run");
        RunCommand run = new RunCommand();
        assertThat(run.syntax().parse(words.subList(2, words.size()))).isEqualTo(CommandSyntax.Request.RUN);
        run.source = src; // the user runs the line in their checkout
        run.environment = laptopEnvironment;
        assertThat(run.batch).isEqualTo(command.batch());
        return run.request();
    }

    private static List<String> shellWords(String line) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "eval \"set -- $1\"; shift; printf '%s\\0' \"$@\"", "sh", line)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        String text = new String(out, StandardCharsets.UTF_8);
        List<String> words = new ArrayList<>(List.of("codebuild-spec"));
        words.addAll(Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1)));
        return words;
    }
}
