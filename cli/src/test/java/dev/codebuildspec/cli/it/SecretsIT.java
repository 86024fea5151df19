package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret values are masked in the log and appear nowhere else: argv, docker inspect, record, disk. */
class SecretsIT {
    private static final String TOKEN = "tok-3n$(x)'q\"*.+?";
    private static final String DB_PASS = "pa55-w0rd-db";
    private static final String API_KEY = "K3Y-api-9876";
    private static final String API_JSON = "{\"username\":\"svc\",\"key\":\"" + API_KEY + "\"}";

    @TempDir
    Path tmp;

    private Workspace workspace(String commands) throws IOException {
        Path secrets = tmp.resolve("secrets.json");
        JsonObject parameters = new JsonObject();
        parameters.addProperty("/app/db/password", DB_PASS);
        JsonObject manager = new JsonObject();
        manager.addProperty("prod/api", API_JSON);
        JsonObject file = new JsonObject();
        file.add("parameter-store", parameters);
        file.add("secrets-manager", manager);
        Files.writeString(secrets, file.toString());
        return new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  parameter-store:
                    DB_PASS: /app/db/password
                  secrets-manager:
                    API_KEY: prod/api:key
                  exported-variables:
                    - EXPORTED
                phases:
                  build:
                    commands:
                %s
                """.formatted(commands.indent(6).stripTrailing()))
                .processEnv("MY_TOKEN", TOKEN)
                .args("--secret", "MY_TOKEN", "--secrets-file", secrets.toString());
    }

    @Test
    void everyOccurrenceIsMaskedInTheLogAndTheRecord() throws IOException {
        CliResult r = workspace("""
                - echo "token=$MY_TOKEN db=$DB_PASS key=$API_KEY"
                - echo "$MY_TOKEN$MY_TOKEN and again $MY_TOKEN"
                - echo "on stderr $DB_PASS" >&2
                - printf '%s' "${DB_PASS%%??????}"; sleep 0.3; printf '%s\\n' "${DB_PASS#??????}"
                - 'set -x; : "$API_KEY"'
                - echo literal pa55-w0rd-db typed in the command
                - EXPORTED="in-export:$API_KEY"
                """).run(TestImages.DEBIAN);

        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.output();
        for (String secret : List.of(TOKEN, DB_PASS, API_KEY)) {
            assertThat(out).doesNotContain(secret);
            assertThat(r.recordJson()).doesNotContain(secret);
        }
        assertThat(r.commandOutput()).contains("token=*** db=*** key=***", "****** and again ***",
                "on stderr ***", "***", "+ : ***", "literal *** typed in the command");
        assertThat(r.log()).contains("[Container] Running command echo literal *** typed in the command");
        assertThat(r.exported()).containsEntry("EXPORTED", "in-export:***");
    }

    @Test
    void secretsAreNeverOnACommandLineInDockerInspectOrOnTheHostsDisk() throws Exception {
        Workspace ws = workspace("""
                - echo ready-for-inspection
                - sleep 3
                - echo "$MY_TOKEN $DB_PASS $API_KEY" > /tmp/inside-container-only
                """);
        FileTime before = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        List<String> cmd = new ArrayList<>(Cli.command("run", "--source", ws.src().toString(), "--image",
                TestImages.BUSYBOX, "--record", ws.record().toString(), "--secret", "MY_TOKEN",
                "--secrets-file", tmp.resolve("secrets.json").toString()));
        List<String> seen = new ArrayList<>();
        try (BackgroundCli cli = new BackgroundCli(cmd, tmp, Map.of("MY_TOKEN", TOKEN))) {
            cli.awaitOutput("ready-for-inspection", Duration.ofSeconds(60));
            // The host's /proc shows every process, the container's included.
            for (int i = 0; i < 20; i++) {
                seen.add(commandLinesOnThisMachine());
                Thread.sleep(50);
            }
            seen.add(inspectAllOfOurs());
            assertThat(cli.awaitExit(Duration.ofSeconds(60))).as(cli.output()).isZero();
        }
        for (String text : seen) {
            for (String secret : List.of(TOKEN, DB_PASS, API_KEY)) {
                assertThat(text).doesNotContain(secret);
            }
        }
        // The secrets file is the user's own input; every other file is checked.
        for (Path root : List.of(ws.src(), Path.of(System.getProperty("java.io.tmpdir")))) {
            assertNoFileNewerThanContains(root, before, tmp.resolve("secrets.json"), List.of(TOKEN, DB_PASS, API_KEY));
        }
    }

    private static String inspectAllOfOurs() {
        StringBuilder all = new StringBuilder();
        for (String owner : Docker.owners()) {
            for (String id : Docker.containers(Docker.OWNER, owner)) {
                all.append(Docker.docker("inspect", id));
            }
        }
        assertThat(all).as("a container of ours is running").isNotEmpty();
        return all.toString();
    }

    private static String commandLinesOnThisMachine() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    all.append(new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)).append('\n');
                } catch (IOException e) {
                    // the process ended
                }
            }
        }
        return all.toString();
    }

    private static void assertNoFileNewerThanContains(Path root, FileTime since, Path input, List<String> secrets)
            throws IOException {
        // Other builds may create and delete files meanwhile: what vanishes is skipped, not an error.
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile() || f.equals(input) || attrs.lastModifiedTime().compareTo(since) < 0
                        || attrs.size() > 50_000_000) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    for (String s : secrets) {
                        assertThat(text).as("content of " + f).doesNotContain(s);
                    }
                } catch (IOException e) {
                    // vanished or unreadable
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Test
    void anUnresolvableReferenceFailsBeforeAnyContainerStartsAndNamesTheReference() throws IOException {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                env:
                  secrets-manager:
                    API_KEY: "prod/missing:key"
                phases:
                  build:
                    commands:
                      - echo never
                """).args("--secrets-file", writeEmptySecrets()).run("codebuild-spec-test/no-such-image:1");
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.phaseStatuses()).containsEntry("DOWNLOAD_SOURCE", "FAILED").doesNotContainKey("BUILD");
        assertThat(r.log()).contains("secret does not exist: prod/missing:key")
                .contains("env/secrets-manager/API_KEY at buildspec.yml:")
                .doesNotContain("Pulling image");
    }

    private String writeEmptySecrets() throws IOException {
        Path f = tmp.resolve("empty.json");
        Files.writeString(f, "{}");
        return f.toString();
    }

    @Test
    void aOneCharacterSecretIsMaskedInWhatTheBuildPrintsButNeverInOurFixedWords() {
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - echo "short=[$S]"
                      - echo "s-word" && exit 1
                """).processEnv("S", "s").args("--secret", "S").run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.output()).contains("[Container] ", "Entering phase BUILD", "Phase complete: BUILD State: FAILED",
                "Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: echo \"***-word\" "
                        + "&& exit 1. Reason: exit status 1", "\n***hort=[***]\n", "\n***-word\n",
                "Running command echo \"***hort=[$S]\"");
        assertThat(r.output()).doesNotContain("[Container] ***", "Pha***e", "Entering pha***e");
        // The closing line: the status, the phase that decided it and its context.
        assertThat(r.output()).contains("codebuild-spec: Build FAILED: BUILD FAILED (COMMAND_EXECUTION_ERROR: Error while "
                + "executing command: echo \"***-word\" && exit 1. Reason: exit status 1); build ");
    }

    @Test
    void aSecretNamedOnTheCommandLineMustBeInTheEnvironment() {
        CliResult r = new Workspace(tmp).buildspec("version: 0.2\nphases:\n  build:\n    commands:\n      - 'true'\n")
                .args("--secret", "NOT_SET_ANYWHERE").run(TestImages.BUSYBOX);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("--secret NOT_SET_ANYWHERE: no variable NOT_SET_ANYWHERE in this process's environment");
    }

    @Test
    void aSecretFileGoesToTheTmpfsByTheNameOfItsVariable() throws Exception {
        Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), "apiVersion: v1\nsecret: " + DB_PASS + "\n");
        CliResult r = new Workspace(tmp).buildspec("""
                version: 0.2
                phases:
                  build:
                    commands:
                      - case "$KUBECONFIG" in /codebuild/output/tmp/secrets/*) echo in-tmpfs;; esac
                      - stat -c %a "$KUBECONFIG"
                      - grep -c apiVersion "$KUBECONFIG"
                      - cat "$KUBECONFIG"
                      - echo "{"
                """)
                .processEnv("KUBECONFIG", kubeconfig.toString())
                .args("--secret-file", "KUBECONFIG")
                .run(TestImages.BUSYBOX);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.output()).contains("in-tmpfs\n", "600\n", "1\n").doesNotContain(kubeconfig.toString());
        // The file's text is masked line by line, its short structure lines (the "{" of a JSON file) are not.
        assertThat(r.output()).contains("\n***\n***\n", "\n{\n").doesNotContain(DB_PASS, "apiVersion: v1\n");
        assertThat(r.recordJson()).doesNotContain(DB_PASS);
    }
}
