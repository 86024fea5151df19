package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.codebuildspec.mask.SecretForms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shape of {@link SecretCorpus} printed in eleven ways, all in one build (the 1-2 character
 * values in a second one): no secret byte sequence in the console, the record, the process table,
 * {@code docker inspect}, or on the host's disk, with one documented exception: a file the build
 * writes on purpose and archives holds the value as written (artifacts are the build's product,
 * not its log), in the source tree and in the artifacts directory alike, byte for byte.
 * The user's own inputs (the buildspec, the secrets file) are not checked.
 */
class SecretCorpusIT {
    private static final Gson YAML_STRING = new GsonBuilder().disableHtmlEscaping().create();
    /** Values shorter than this turn up by chance in other people's files and command lines. */
    private static final int GLOBAL_TMP_MIN_LENGTH = 8;

    @TempDir
    Path tmp;

    @Test
    void theCorpusLeaksNowhere() throws Exception {
        assertThat(SecretCorpus.SHAPES).hasSizeGreaterThanOrEqualTo(50);
        run(SecretCorpus.SHAPES, true);
    }

    @Test
    void oneAndTwoCharacterSecretsLeakNowhere() throws Exception {
        run(SecretCorpus.SHORT, false);
    }

    private static String shellQuote(String v) {
        return "'" + v.replace("'", "'\"'\"'") + "'";
    }

    /**
     * The ways of printing secret {@code i} (variable {@code S<i>}): eleven plain ones, then the forms tools
     * print a value in (xtrace of bash and dash, {@code declare -p}, Base64 with and without a prefix and a
     * trailing newline, a URL, a JSON string).
     */
    private static List<String> ways(int i, String value) {
        String v = "\"$S" + i + "\"";
        return List.of(
                "printf 'mid-line <%s> end\\n' " + v,
                "printf '%s%s and %s\\n' " + v + " " + v + " " + v,
                "v=" + v + "; n=$(printf '%s' \"$v\" | wc -c); h=$((n/2)); printf '%s' \"$v\" | head -c $h; sleep 0.05; "
                        + "printf '%s' \"$v\" | tail -c +$((h+1)); echo",
                "printf 'stderr %s\\n' " + v + " >&2",
                "printf 'o[%s]' " + v + "; printf 'e[%s]\\n' " + v + " >&2; echo",
                "set -x; : " + v + "; set +x",
                ": " + shellQuote(value), // the literal value in the command: the Running command line
                "export EXP" + i + "=" + v,
                "printf '%s' " + v + " > out/secret-" + i + ".txt",
                "env | grep -A3 '^S" + i + "=' || true",
                "printf '%s\\n' " + v + " | cat",
                // The value from the environment, never on a child's command line (the process table is checked).
                "bash -xc ': \"$S" + i + "\"'",
                "dash -xc ': \"$S" + i + "\"'",
                "bash -c 'declare -p S" + i + "'",
                "printf '%s' " + v + " | base64 -w0; echo",
                "printf 'user:%s' " + v + " | base64 -w0; echo",
                "printf 'xy%s\\n' " + v + " | base64 -w0; echo",
                // A URL and a JSON string, with perl-base (the image has neither jq nor python).
                "printf '%s' " + v + " | perl -pe 's/([^A-Za-z0-9._~-])/sprintf(\"%%%02X\",ord($1))/ge'; echo",
                "printf '%s' " + v + " | perl -0777 -pe 's/([\"\\\\])/\\\\$1/g; s/\\n/\\\\n/g; s/\\t/\\\\t/g; "
                        + "s/\\r/\\\\r/g; s/([\\x00-\\x1f])/sprintf(\"\\\\u%04x\",ord($1))/ge'; echo");
    }

    private void run(List<String> secrets, boolean scanGlobalTmp) throws Exception {
        Map<String, String> processEnv = new LinkedHashMap<>();
        JsonObject parameters = new JsonObject();
        StringBuilder parameterStore = new StringBuilder();
        StringBuilder exported = new StringBuilder();
        StringBuilder commands = new StringBuilder();
        List<String> cliSecrets = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String value = secrets.get(i);
            if (i % 5 == 0) { // every fifth through --secrets-file, the others through --secret
                parameters.addProperty("/corpus/" + i, value);
                parameterStore.append("    S").append(i).append(": /corpus/").append(i).append('\n');
            } else {
                processEnv.put("S" + i, value);
                cliSecrets.add("--secret");
                cliSecrets.add("S" + i);
            }
            exported.append("    - EXP").append(i).append('\n');
            for (String w : ways(i, value)) {
                commands.append("      - ").append(YAML_STRING.toJson(w)).append('\n');
            }
        }
        String buildspec = "version: 0.2\nenv:\n  parameter-store:\n" + parameterStore + "  exported-variables:\n"
                + exported + "phases:\n  pre_build:\n    commands:\n      - mkdir -p out\n      - echo corpus-ready\n"
                + "      - sleep 1\n  build:\n    commands:\n" + commands
                + "artifacts:\n  files:\n    - 'out/**/*'\n";
        Workspace ws = new Workspace(tmp).buildspec(buildspec);
        Path secretsFile = tmp.resolve("secrets.json");
        JsonObject file = new JsonObject();
        file.add("parameter-store", parameters);
        Files.writeString(secretsFile, file.toString());
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Path artifacts = tmp.resolve("artifacts");

        List<String> cmd = new ArrayList<>(List.of(Cli.javaBinary(), "-Djava.io.tmpdir=" + javaTmp, "-jar",
                Cli.JAR.toString(), "run", "--source", ws.src().toString(), "--image", TestImages.DEBIAN, "--record",
                ws.record().toString(), "--artifacts", artifacts.toString(), "--secrets-file", secretsFile.toString()));
        cmd.addAll(cliSecrets);
        long start = System.currentTimeMillis() - 1000;
        Set<String> processTable = new LinkedHashSet<>();
        Set<String> ourProcesses = new LinkedHashSet<>();
        StringBuilder inspected = new StringBuilder();
        Map<String, String> daemonLogs = new LinkedHashMap<>();
        String inspectedFields;
        int exit;
        byte[] console;
        try (BackgroundCli cli = new BackgroundCli(cmd, tmp, processEnv)) {
            cli.awaitOutput("corpus-ready", Duration.ofSeconds(90));
            String owner = "cli:" + ownerHost(cli.pid());
            List<String> ours = Docker.containers(Docker.OWNER, owner);
            StringBuilder travels = new StringBuilder();
            for (String id : ours) {
                inspected.append(Docker.docker("inspect", id));
                // Where a value could travel into the container's definition: env, command, labels.
                travels.append(Docker.docker("inspect", "-f",
                        "{{json .Config.Env}} {{json .Args}} {{json .Config.Cmd}} {{json .Config.Labels}}", id));
            }
            inspectedFields = travels.toString();
            assertThat(inspected).as("our container was found").isNotEmpty();
            while (cli.isAlive()) {
                processTable.addAll(commandLines());
                // Ours: the CLI and what it started (docker CLIs), and every process in our container.
                ProcessHandle.of(cli.pid()).ifPresent(h -> Stream.concat(Stream.of(h), h.descendants())
                        .forEach(d -> ourProcesses.add(cmdline(Path.of("/proc", Long.toString(d.pid()))))));
                for (String id : ours) {
                    ourProcesses.add(Docker.docker("top", id, "-eo", "args"));
                    // What the daemon keeps of the container's output on the host's disk (its log driver's file).
                    String logPath = Docker.docker("inspect", "-f", "{{.LogPath}}", id).trim();
                    if (!logPath.isEmpty() && Files.isRegularFile(Path.of(logPath))) {
                        daemonLogs.put(id, Files.readString(Path.of(logPath), StandardCharsets.ISO_8859_1));
                    }
                }
                Thread.sleep(100);
            }
            exit = cli.awaitExit(Duration.ofMinutes(3));
            console = cli.output().getBytes(StandardCharsets.UTF_8);
        }
        String record = Files.readString(ws.record());
        CliResult r = new CliResult(exit, console, record);
        assertThat(exit).as(r.output()).isZero();

        String consoleLatin1 = new String(console, StandardCharsets.ISO_8859_1);
        String processes = String.join("\n", processTable);
        // Paths this test chose (a checkout in a mktemp -d folder has random letters) are not the build's output.
        String ourProcessLines = String.join("\n", ourProcesses).replace(Cli.JAR.toString(), "<jar>")
                .replace(tmp.toString(), "<tmp>");
        Map<String, String> exportedValues = r.exported();
        List<String> leakViews = LeakViews.of(new String(console, StandardCharsets.UTF_8));
        for (int i = 0; i < secrets.size(); i++) {
            String s = secrets.get(i);
            String bytes = latin1(s);
            assertThat(consoleLatin1).as("console holds secret %d", i).doesNotContain(bytes);
            if (s.length() >= SecretForms.MIN_DERIVED) { // shorter ones have no encoded forms masked (README)
                for (int v = 0; v < leakViews.size(); v++) {
                    assertThat(leakViews.get(v)).as("console view %d (quotes, escapes, %%, base64 undone) holds secret %d",
                            v, i).doesNotContain(s);
                }
            }
            assertThat(record).as("record holds secret %d", i).doesNotContain(s);
            assertThat(new Gson().toJson(r.record())).as("record holds secret %d", i).doesNotContain(s);
            assertThat(exportedValues.get("EXP" + i)).as("exported %d", i).doesNotContain(s);
            assertThat(ourProcessLines).as("a process of ours shows secret %d", i).doesNotContain(s);
            if (s.length() >= GLOBAL_TMP_MIN_LENGTH) { // shorter ones are in other people's command lines by chance
                assertThat(processes).as("process table holds secret %d", i).doesNotContain(s);
            }
            assertThat(inspectedFields).as("docker inspect's env/args/labels hold secret %d", i).doesNotContain(s);
            assertThat(String.join("\n", daemonLogs.values())).as("the daemon's log of the container holds secret %d", i)
                    .doesNotContain(bytes);
            if (s.length() >= GLOBAL_TMP_MIN_LENGTH) { // shorter ones are in hashes and ids by chance
                assertThat(inspected.toString()).as("docker inspect holds secret %d", i).doesNotContain(s);
            }
            // The documented exception: the file the build wrote and archived holds the value, exactly.
            assertThat(Files.readAllBytes(artifacts.resolve("out/secret-" + i + ".txt"))).as("artifact %d", i)
                    .isEqualTo(s.getBytes(StandardCharsets.UTF_8));
            assertThat(Files.readAllBytes(ws.src().resolve("out/secret-" + i + ".txt"))).as("source file %d", i)
                    .isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(r.commandOutput()).contains("mid-line <***> end", "****** and ***");

        Set<Path> allowed = new LinkedHashSet<>(List.of(ws.src().resolve("buildspec.yml"), secretsFile));
        for (int i = 0; i < secrets.size(); i++) {
            allowed.add(ws.src().resolve("out/secret-" + i + ".txt"));
            allowed.add(artifacts.resolve("out/secret-" + i + ".txt"));
        }
        List<String> all = secrets;
        assertNoSecretOnDisk(tmp, 0, allowed, null, all);
        if (scanGlobalTmp) {
            List<String> longOnes = all.stream().filter(s -> s.length() >= GLOBAL_TMP_MIN_LENGTH).toList();
            assertNoSecretOnDisk(Path.of(System.getProperty("java.io.tmpdir")), start, allowed, tmp, longOnes);
        }
    }

    private static String latin1(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** The owner label's tail for a CLI pid: {@code <host>:<pid>:<start>}. */
    private static String ownerHost(long pid) {
        for (String o : Docker.owners()) {
            if (o.matches("cli:[^:]*:" + pid + ":\\d+")) {
                return o.substring(4);
            }
        }
        throw new AssertionError("no container owned by pid " + pid);
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the process ended
        }
    }

    private static List<String> commandLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    lines.add(new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // the process ended
                }
            }
        }
        return lines;
    }

    private static void assertNoSecretOnDisk(Path root, long since, Set<Path> allowed, Path skip, List<String> secrets)
            throws IOException {
        List<String> needles = secrets.stream().map(SecretCorpusIT::latin1).toList();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile() || allowed.contains(f) || attrs.lastModifiedTime().toMillis() < since
                        || attrs.size() > 50_000_000) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < needles.size(); i++) {
                        assertThat(text).as("content of %s (secret %d)", f, i).doesNotContain(needles.get(i));
                    }
                } catch (IOException e) {
                    // vanished or unreadable: other people's files
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
