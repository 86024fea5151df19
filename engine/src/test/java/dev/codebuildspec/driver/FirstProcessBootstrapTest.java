package dev.codebuildspec.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The container's first process, run by the shells of this machine: it says READY and waits, takes secrets of any
 * bytes and the script from its stdin, runs the script with stdin at EOF, says EXIT with the status, and ends only
 * when its stdin closes.
 */
class FirstProcessBootstrapTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "[{0}, head on the PATH: {1}]")
    @CsvSource({"dash, true", "bash, true", "busybox, true", "dash, false", "busybox, false"})
    void secretsOfAnyBytesReachTheScriptWhichRunsWithStdinAtEofAndItsStatusIsSaid(String shell, boolean head)
            throws Exception {
        assumeTrue(HostDriver.available(shell), shell + " is not installed");
        FirstProcessBootstrap boot = new FirstProcessBootstrap("0123456789abcdef");
        Path state = tmp.resolve("state");
        List<String> cmd = new ArrayList<>(shell.equals("busybox") ? List.of("busybox", "sh") : List.of(shell));
        cmd.addAll(List.of("-c", boot.command(state.toString())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (!head) { // no head: the script comes through read, line by line
            Path bin = Files.createDirectories(tmp.resolve("bin"));
            Files.createSymbolicLink(bin.resolve(shell.equals("busybox") ? "sh" : shell),
                    Path.of(which(shell.equals("busybox") ? "busybox" : shell)));
            if (!shell.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve("mkdir"), Path.of(which("mkdir")));
            }
            pb.environment().put("PATH", bin.toString());
        }
        Process p = pb.start();
        InputStream out = p.getInputStream();
        assertThat(readLine(out)).isEqualTo(boot.readyLine());

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("TOKEN", "a\\b'c\"d\n$e `f` ü %s \\c end\n");
        secrets.put("EMPTY", "");
        String script = "printf '%s|' \"$TOKEN\" \"$EMPTY\"; if read -r x; then echo stdin-open; else echo stdin-eof; fi\n"
                + "echo \"line with $(printf '\\\\') and CBS-0123456789abcdef-EN\"\nexit 3";
        OutputStream in = p.getOutputStream();
        in.write(boot.payload(shell.equals("busybox") ? "sh" : shell, secrets, script));
        in.flush();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        String exit = boot.exitPrefix() + "3";
        while (!seen.toString(StandardCharsets.UTF_8).contains(exit)) {
            int b = out.read();
            assertThat(b).as("output so far: " + seen).isNotNegative();
            seen.write(b);
        }
        assertThat(seen.toString(StandardCharsets.UTF_8)).isEqualTo(secrets.get("TOKEN") + "||stdin-eof\n"
                + "line with \\ and CBS-0123456789abcdef-EN\n" + exit);
        assertThat(Files.readString(state.resolve("driver.sh"))).isEqualTo(script + "\n");
        assertThat(p.waitFor(300, TimeUnit.MILLISECONDS)).as("ends only when its stdin closes").isFalse();
        in.close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @ParameterizedTest(name = "[the host handed back: {0}]")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void whenItsHostDiesWithoutHandingTheSourceBackItDoesSoItself(boolean hostHandedBack) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chown to another user needs root");
        FirstProcessBootstrap boot = new FirstProcessBootstrap("feedfacefeedface");
        Path src = Files.createDirectories(tmp.resolve("src dir"));
        Files.writeString(src.resolve("made-by-root"), "x");
        Process p = new ProcessBuilder("sh", "-c", boot.command(tmp.resolve("state").toString(), "12345:23456:" + src))
                .redirectErrorStream(true).start();
        InputStream out = p.getInputStream();
        assertThat(readLine(out)).isEqualTo(boot.readyLine());
        OutputStream in = p.getOutputStream();
        in.write(boot.payload("sh", Map.of(), "true"));
        if (hostHandedBack) {
            in.write(boot.handedBackLine().getBytes(StandardCharsets.UTF_8));
        }
        in.close(); // the host ended, or died
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Object owner = Files.getAttribute(src.resolve("made-by-root"), "unix:uid");
        assertThat(owner).isEqualTo(hostHandedBack ? 0 : 12345);
        assertThat(Files.getAttribute(src, "unix:gid")).isEqualTo(hostHandedBack ? 0 : 23456);
    }

    @ParameterizedTest(name = "[{0}]")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"dash", "bash", "busybox"})
    void whenItsHostDiesWhileTheDriverRunsItEndsAtOnceNotWhenTheCommandEnds(String shell) throws Exception {
        assumeTrue(HostDriver.available(shell), shell + " is not installed");
        FirstProcessBootstrap boot = new FirstProcessBootstrap("0badc0de0badc0de");
        List<String> cmd = new ArrayList<>(shell.equals("busybox") ? List.of("busybox", "sh") : List.of(shell));
        cmd.addAll(List.of("-c", boot.command(tmp.resolve("state").toString())));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        InputStream out = p.getInputStream();
        assertThat(readLine(out)).isEqualTo(boot.readyLine());
        OutputStream in = p.getOutputStream();
        in.write(boot.payload("sh", Map.of(), "echo started; sleep 300"));
        in.flush();
        assertThat(readLine(out)).isEqualTo("started");
        List<ProcessHandle> driver = p.descendants().toList();
        try {
            in.close(); // the host died
            // A hang bound: the command would run 300 s; in a container, the init then ends what is left of it.
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("ended without waiting for the running command").isTrue();
        } finally {
            driver.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static String readLine(InputStream in) throws Exception {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static String which(String name) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + name).start();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
