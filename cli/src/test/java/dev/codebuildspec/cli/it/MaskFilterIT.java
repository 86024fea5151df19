package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.driver.DetachedDriverScript;
import dev.codebuildspec.driver.DriverMarker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-container masking filter of a detached (Jenkins) build, in its two forms: Perl where the image has it
 * (the Debian image), awk where it does not (busybox). On the same stream (ordinary lines, an event line, an
 * exported value's hex split over lines, a line longer than the Perl filter's 64 KiB read, a secret of regular
 * expression and {@code tr} metacharacters far into the stream, a last line without newline) both must write the same
 * bytes, and no secret.
 */
class MaskFilterIT {
    /** The last one is made of bytes that tr and regular expressions treat as special. */
    private static final List<String> SECRETS = List.of("s3cr3t-alpha-00", "s3cr3t-beta-111", "s3cr3t-gamma-2222",
            "]^\\-/$@{}.*+?|()[");

    @TempDir
    Path tmp;

    private String stream(DriverMarker marker) {
        String mark = marker.text();
        String hex = HexFormat.of().formatHex(("value " + SECRETS.get(1) + " end").getBytes(StandardCharsets.UTF_8))
                .replaceAll("(..)", " $1");
        return "hello " + SECRETS.get(0) + "\n"
                + mark + "E an event line keeps its text\n"
                + "before the value " + SECRETS.get(2) + " " + mark + "V OUT\n"
                + hex.substring(0, 30) + "\n" + hex.substring(30) + "\n"
                + mark + "v\n"
                + "x".repeat(70_000) + SECRETS.get(0) + "y".repeat(10) + "\n"
                // Past what the Perl filter sampled when it chose which byte of each form to look for first.
                + "plain text\n".repeat(20_000) + "special " + SECRETS.get(3) + " end\n"
                + "the last line has no newline " + SECRETS.get(1);
    }

    private String filtered(String image, DriverMarker marker) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(image.replaceAll("[^a-z0-9]", "-")));
        Files.writeString(dir.resolve("in.txt"), stream(marker));
        Files.writeString(dir.resolve("task.sh"), DetachedDriverScript.script("cat /io/in.txt", "sh", marker, true,
                "/tmp/state"));
        List<String> args = new ArrayList<>(List.of("run", "--rm", "-v", dir + ":/io"));
        Map<String, String> forms = DetachedDriverScript.maskVariables(SECRETS);
        // Passed by name only (the values come from this process's environment): they never sit on argv.
        forms.keySet().forEach(k -> args.addAll(List.of("-e", k)));
        args.addAll(List.of("--entrypoint", "sh", image, "-c", "sh /io/task.sh > /io/out.txt"));
        args.add(0, "docker");
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.environment().putAll(forms);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void perlAndAwkMaskTheSameStreamAlike() throws IOException {
        DriverMarker marker = DriverMarker.random();
        assertThat(Docker.docker("run", "--rm", "--entrypoint", "sh", TestImages.DEBIAN, "-c", "command -v perl"))
                .as("the Debian image has perl, the busybox one has not").contains("perl");
        String perl = filtered(TestImages.DEBIAN, marker);
        String awk = filtered(TestImages.BUSYBOX, marker);
        assertThat(perl).isEqualTo(awk);
        for (String secret : SECRETS) {
            assertThat(perl).doesNotContain(secret);
        }
        String maskedValue = HexFormat.of().formatHex("value *** end".getBytes(StandardCharsets.UTF_8))
                .replaceAll("(..)", " $1");
        assertThat(perl).contains("hello ***\n", marker.text() + "E an event line keeps its text\n",
                "before the value *** " + marker.text() + "V OUT\n", maskedValue + "\n" + marker.text() + "v\n",
                "x".repeat(100) + "***" + "y".repeat(10) + "\n", "\nspecial *** end\n",
                "the last line has no newline ***\n");
    }
}
