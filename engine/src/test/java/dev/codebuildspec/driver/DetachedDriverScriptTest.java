package dev.codebuildspec.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codebuildspec.run.BuildContainer;
import dev.codebuildspec.mask.SecretForms;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the detached driver script under the host's sh and awk (the same script runs in the container). */
class DetachedDriverScriptTest {
    private static final DriverMarker MARK = new DriverMarker("0011223344556677");

    @TempDir
    Path dir;

    @Test
    void scriptHoldsNoSecretAndRunsDirectlyWithoutSecrets() {
        String s = DetachedDriverScript.script("echo hi\n", "sh", MARK, false, BuildContainer.STATE);
        assertTrue(s.startsWith("#!/bin/sh\n"));
        assertTrue(s.contains("exec sh " + BuildContainer.STATE + "/driver.sh"));
        assertFalse(s.contains("awk"));
    }

    @Test
    void outputIsMaskedInsideEventsAreNotAndExportedValuesAreReencoded() throws Exception {
        assumeTrue(new File("/bin/sh").canExecute());
        String driver = "echo hello s3cr3t world\n"
                + "printf 'x'; printf '\\036CBS-0011223344556677 C 1\\n'\n"
                + "echo tok=czNjcjN0\n"
                + "printf '\\036CBS-0011223344556677 V X\\n'; printf '%s' 'v-s3cr3t' | od -An -v -tx1;"
                + " printf '\\036CBS-0011223344556677 v\\n'\n"
                + "printf 'no newline s3cr3t'\n";
        String out = run(driver, List.of("s3cr3t"));
        assertFalse(out.contains("s3cr3t"), out);
        assertFalse(out.contains("czNjcjN0"), out);
        assertTrue(out.contains("hello *** world\n"), out);
        assertTrue(out.contains("x\u001eCBS-0011223344556677 C 1\n"), out);
        assertTrue(out.contains(" 76 2d 2a 2a 2a\n"), out); // "v-***"
        assertTrue(out.endsWith("no newline ***\n"), out);
    }

    private String run(String driver, List<String> secrets) throws IOException, InterruptedException {
        String script = DetachedDriverScript.script(driver, "sh", MARK, true, BuildContainer.STATE).replace(BuildContainer.STATE, dir.resolve("state").toString());
        Path file = dir.resolve("script.sh");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("sh", file.toString()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putAll(DetachedDriverScript.maskVariables(SecretForms.of(secrets)));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
