package dev.codebuildspec.cli.it;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One build per fault, and what must hold afterwards: the status and exit code, no container or
 * volume of ours, no temp directory of ours, the source tree owned by the invoking user, and a
 * record that is complete, marked incomplete, or absent for a stated reason. Each check failing
 * becomes a line of {@link Outcome#violations}; the caller asserts there are none.
 *
 * <p>The CLI runs as uid {@value #UID} (via setpriv, when the tests run as root) so that files the
 * root-in-the-container build makes are visibly handed back; it runs with its own
 * {@code java.io.tmpdir}, so any temp directory it leaves is ours and nobody else's.
 */
final class FaultMatrix {
    static final int UID = 4242;

    enum Fault {
        SUCCESS, COMMAND_FAILURE, INSTALL_FAILURE, TIMEOUT, SIGINT, SIGTERM, SIGKILL_THEN_GC,
        SIGKILL_THEN_NEXT_RUN, IMAGE_MISSING, SOURCE_UNREADABLE, DAEMON_RESTART
    }

    record Outcome(Fault fault, int exit, String status, List<String> violations, String output) {
    }

    private static final String READY = "fault-matrix-ready";

    private static String buildspec(Fault f) {
        String make = "mkdir -p out/deep && echo made > out/deep/file && touch made-by-build";
        String install = f == Fault.INSTALL_FAILURE ? make + "\n      - echo " + READY + "\n      - sleep 2\n      - exit 7"
                : make;
        String build = switch (f) {
            case SUCCESS -> "echo " + READY + "\n      - sleep 2";
            case COMMAND_FAILURE -> "echo " + READY + "\n      - sleep 2\n      - exit 3";
            default -> "echo " + READY + "\n      - sleep 600";
        };
        return """
                version: 0.2
                phases:
                  install:
                    commands:
                      - %s
                  build:
                    commands:
                      - %s
                  post_build:
                    commands:
                      - echo post > out/post
                artifacts:
                  files:
                    - out/**/*
                """.formatted(install, build);
    }

    private final Path dir;
    private final Fault fault;
    private final List<String> violations = new ArrayList<>();
    private final boolean asOtherUser = Privileges.isRoot();

    /** The daemon the CLI talks to; {@code null} for the machine's own. */
    private final PrivateDaemon daemon;

    FaultMatrix(Path dir, Fault fault, PrivateDaemon daemon) {
        this.dir = dir;
        this.fault = fault;
        this.daemon = daemon;
    }

    private String docker(String... args) {
        return daemon == null ? Docker.docker(args) : daemon.docker(args);
    }

    private List<String> owners() {
        return Arrays.stream(docker("ps", "-a", "--format", "{{.Label \"" + Docker.OWNER + "\"}}", "--filter",
                "label=" + Docker.OWNER).split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private List<String> containersOwnedBy(String owner) {
        return Arrays.stream(docker("ps", "-a", "-q", "--no-trunc", "--filter", "label=" + Docker.OWNER + "=" + owner)
                .split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private int invokingUid() {
        return asOtherUser ? UID : Privileges.uid();
    }

    private List<String> command(Path tmpdir, String... args) {
        List<String> cmd = new ArrayList<>();
        if (asOtherUser) {
            cmd.addAll(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID, "--groups=" + Privileges.dockerGid()));
        }
        Path jar = asOtherUser ? Cli.jarForAnyUser() : Cli.JAR;
        cmd.addAll(List.of(Cli.javaBinary(), "-Djava.io.tmpdir=" + tmpdir, "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        if (fault == Fault.SIGINT) {
            return Signals.withDefault("INT", cmd).orElseThrow(() -> new org.opentest4j.TestAbortedException(
                    "SIGINT is ignored by the test JVM (started in the background by a non-interactive shell) and "
                    + "'env --default-signal' is not here to undo it for the CLI"));
        }
        return cmd;
    }

    Outcome run(String image, Map<String, String> env) throws Exception {
        Workspace ws = new Workspace(dir).buildspec(buildspec(fault));
        Path tmpdir = Files.createDirectories(dir.resolve("java-tmp"));
        Path artifacts = dir.resolve("artifacts");
        String img = fault == Fault.IMAGE_MISSING ? "codebuild-spec-test/no-such-image:" + System.nanoTime() : image;
        if (asOtherUser) {
            Privileges.chownTree(dir, UID);
        }
        if (fault == Fault.SOURCE_UNREADABLE) {
            Files.setPosixFilePermissions(ws.src(), java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
            if (!asOtherUser) {
                violations.add("SOURCE_UNREADABLE needs root to run the CLI as another user");
            }
            // The owner may not read it, root (the container) could: the CLI must not be fooled.
        }
        String timeout = fault == Fault.TIMEOUT ? "0.1" : "10";
        List<String> cmd = command(tmpdir, "run", "--source", ws.src().toString(), "--image", img, "--record",
                ws.record().toString(), "--artifacts", artifacts.toString(), "--timeout-minutes", timeout);
        int exit;
        String output;
        Set<String> containers = new LinkedHashSet<>();
        Set<String> volumes = new LinkedHashSet<>();
        long pid;
        env = withHome(env);
        try (BackgroundCli cli = new BackgroundCli(cmd, dir, env)) {
            pid = cli.pid();
            if (fault != Fault.IMAGE_MISSING && fault != Fault.SOURCE_UNREADABLE) {
                cli.awaitOutput(READY, Duration.ofSeconds(90));
                sampleOurs(pid, containers, volumes);
                if (containers.isEmpty()) {
                    violations.add("no container of ours was seen while the build ran");
                }
            }
            switch (fault) {
                case SIGINT -> cli.signal("INT");
                case SIGTERM -> cli.signal("TERM");
                case SIGKILL_THEN_GC, SIGKILL_THEN_NEXT_RUN -> cli.signal("KILL");
                default -> { }
            }
            if (fault == Fault.DAEMON_RESTART) {
                daemon.restart();
            }
            exit = cli.awaitExit(Duration.ofMinutes(3));
            output = cli.output();
        }
        if (fault == Fault.SOURCE_UNREADABLE) {
            Files.setPosixFilePermissions(ws.src(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
        String record = Files.exists(ws.record()) ? Files.readString(ws.record()) : null;
        String status = record == null ? "(no record)" : JsonParser.parseString(record).getAsJsonObject()
                .get("buildStatus").getAsString();

        expect(exit, status, record, output);

        if (fault == Fault.SIGKILL_THEN_GC || fault == Fault.SIGKILL_THEN_NEXT_RUN) {
            reapAfterKill(ws, tmpdir, pid, containers, env);
        }
        for (String id : containers) {
            if (!docker("ps", "-a", "-q", "--no-trunc", "--filter", "id=" + id).isBlank()) {
                violations.add("container " + id + " is left behind");
            }
        }
        for (String v : volumes) {
            if (!docker("volume", "ls", "-q", "--filter", "name=^" + v + "$").isBlank()) {
                violations.add("volume " + v + " is left behind");
            }
        }
        List<String> owned = containersOwnedBy(ownerPrefixOf(pid));
        if (!owned.isEmpty()) {
            violations.add("containers labelled with our owner remain: " + owned);
        }
        try (Stream<Path> left = Files.list(tmpdir)) {
            List<String> names = left.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("hsperfdata")).toList();
            if (!names.isEmpty()) {
                violations.add("temp files left in java.io.tmpdir: " + names);
            }
        }
        if (fault != Fault.SOURCE_UNREADABLE && fault != Fault.IMAGE_MISSING) {
            checkOwnership(ws.src());
        }
        return new Outcome(fault, exit, status, List.copyOf(violations), output);
    }

    private void expect(int exit, String status, String record, String output) {
        int wantExit;
        String wantStatus;
        switch (fault) {
            case SUCCESS -> { wantExit = 0; wantStatus = "SUCCEEDED"; }
            case COMMAND_FAILURE, INSTALL_FAILURE -> { wantExit = 1; wantStatus = "FAILED"; }
            case TIMEOUT -> { wantExit = 1; wantStatus = "TIMED_OUT"; }
            case SIGINT, SIGTERM -> { wantExit = 1; wantStatus = "STOPPED"; }
            case SIGKILL_THEN_GC, SIGKILL_THEN_NEXT_RUN -> { wantExit = 137; wantStatus = "(no record)"; }
            case IMAGE_MISSING -> { wantExit = 3; wantStatus = "FAULT"; }
            case SOURCE_UNREADABLE -> { wantExit = 1; wantStatus = "FAILED"; }
            case DAEMON_RESTART -> { wantExit = 3; wantStatus = "FAULT"; }
            default -> throw new IllegalStateException();
        }
        if (exit != wantExit || !status.equals(wantStatus)) {
            violations.add("exit " + exit + " status " + status + ", expected exit " + wantExit + " status "
                    + wantStatus + "\n" + output);
        }
        if (record == null) {
            // Only SIGKILL may leave no record: the process had no chance to write it.
            if (!wantStatus.equals("(no record)")) {
                violations.add("no record written");
            }
            return;
        }
        JsonObject r = JsonParser.parseString(record).getAsJsonObject();
        boolean complete = r.has("buildComplete") && r.get("buildComplete").getAsBoolean();
        boolean finalized = r.getAsJsonArray("phases").asList().stream()
                .anyMatch(p -> p.getAsJsonObject().get("phaseType").getAsString().equals("FINALIZING"));
        if (complete != finalized) {
            violations.add("buildComplete " + complete + " but FINALIZING " + (finalized ? "present" : "absent"));
        }
        if (fault == Fault.INSTALL_FAILURE && record.contains("\"BUILD\"")) {
            violations.add("BUILD ran after INSTALL failed");
        }
        if (fault == Fault.SOURCE_UNREADABLE && !output.contains("ermission denied")) {
            violations.add("an unreadable source is not reported as such:\n" + output);
        }
    }

    /** setpriv keeps root's HOME; the docker CLI would warn that it cannot read root's config. */
    private Map<String, String> withHome(Map<String, String> env) {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("HOME", dir.toString());
        return e;
    }

    private void reapAfterKill(Workspace ws, Path tmpdir, long pid, Set<String> containers, Map<String, String> env)
            throws Exception {
        // The container's lifeline (its stdin) closed with the CLI: it ends without waiting for the running command.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!containersOwnedBy(ownerPrefixOf(pid)).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (!containersOwnedBy(ownerPrefixOf(pid)).isEmpty()) {
            violations.add("60 s after SIGKILL the container still ran (its lifeline should have ended it)");
        }
        List<String> cmd;
        if (fault == Fault.SIGKILL_THEN_GC) {
            cmd = command(tmpdir, "gc");
        } else {
            Path next = Files.createDirectories(dir.resolve("next"));
            Files.writeString(next.resolve("buildspec.yml"), "version: 0.2\nphases:\n  build:\n    commands:\n      - 'true'\n");
            if (asOtherUser) {
                Privileges.chownTree(next, UID);
            }
            cmd = command(tmpdir, "run", "--source", next.toString(), "--image", TestImages.BUSYBOX);
        }
        try (BackgroundCli reaper = new BackgroundCli(cmd, dir, env)) {
            int code = reaper.awaitExit(Duration.ofMinutes(2));
            if (code != 0) {
                violations.add(fault + ": reaper exit " + code + "\n" + reaper.output());
            }
        }
    }

    /** The owner label value of the CLI with this pid (its start time is not known here). */
    private String ownerPrefixOf(long pid) {
        for (String o : owners()) {
            if (o.matches("cli:[^:]*:" + pid + ":\\d+")) {
                return o;
            }
        }
        return "cli:none:" + pid + ":0";
    }

    private void sampleOurs(long pid, Set<String> containers, Set<String> volumes) {
        String owner = ownerPrefixOf(pid);
        for (String id : containersOwnedBy(owner)) {
            containers.add(id);
            String names = docker("inspect", "-f", "{{range .Mounts}}{{if eq .Type \"volume\"}}{{.Name}} {{end}}{{end}}", id);
            volumes.addAll(Arrays.stream(names.trim().split("\\s+")).filter(s -> !s.isBlank()).toList());
        }
    }

    private void checkOwnership(Path src) throws IOException {
        int uid = invokingUid();
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : all.toList()) {
                int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (owner != uid) {
                    violations.add("owner of " + src.relativize(p) + " is " + owner + ", not " + uid);
                }
            }
        }
    }
}
