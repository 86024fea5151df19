package dev.codebuildspec.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic inputs for the benchmarks (fixed seeds: every run measures the same bytes). */
final class Workloads {
    private static final String[] WORDS = {
        "[INFO]", "Compiling", "module", "src/main/java/com/example/Service.java", "warning:", "deprecated",
        "Downloading", "https://repo.maven.apache.org/maven2/org/example/lib/1.2.3/lib-1.2.3.jar", "ok", "PASS",
        "test_user_login", "(0.012s)", "npm", "WARN", "added", "packages", "in", "3.2s", "ERROR", "=>", "the",
        "a", "build", "step", "10%", "done", "{\"level\":\"info\",\"msg\":\"request\"}", "200", "GET", "/api/v1/items",
    };

    private Workloads() {
    }

    /** {@code count} secret values that look like tokens: 16 to 40 letters and digits. */
    static List<String> secrets(int count) {
        Random r = new Random(42);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int len = 16 + r.nextInt(25);
            StringBuilder s = new StringBuilder(len);
            for (int j = 0; j < len; j++) {
                s.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            out.add(s.toString());
        }
        return out;
    }

    /**
     * {@code size} bytes of build-log-like text: lines of words, and once per MiB or so a line quoting one of
     * {@code secrets} (so the masker has real work besides scanning).
     */
    static byte[] logText(int size, List<String> secrets) {
        Random r = new Random(7);
        byte[] out = new byte[size];
        int pos = 0;
        int nextSecret = 1 << 20;
        StringBuilder line = new StringBuilder(200);
        while (pos < size) {
            line.setLength(0);
            if (pos >= nextSecret && !secrets.isEmpty()) {
                line.append("export TOKEN=").append(secrets.get(r.nextInt(secrets.size())));
                nextSecret += 1 << 20;
            } else {
                int words = 3 + r.nextInt(14);
                for (int w = 0; w < words; w++) {
                    if (w > 0) {
                        line.append(' ');
                    }
                    line.append(WORDS[r.nextInt(WORDS.length)]);
                }
            }
            line.append('\n');
            byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
            int n = Math.min(b.length, size - pos);
            System.arraycopy(b, 0, out, pos, n);
            pos += n;
        }
        return out;
    }

    /** A valid version 0.2 buildspec of exactly {@code lines} lines, most of them commands. */
    static String buildspec(int lines) {
        List<String> out = new ArrayList<>(lines);
        out.add("version: 0.2");
        out.add("env:");
        out.add("  shell: bash");
        out.add("  variables:");
        for (int i = 0; i < 100; i++) {
            out.add("    VAR_" + i + ": \"value " + i + " with $HOME and 'quotes'\"");
        }
        out.add("  exported-variables:");
        out.add("    - VAR_1");
        out.add("phases:");
        String[] phases = {"install", "pre_build", "build", "post_build"};
        int tail = 6; // artifacts section
        int perPhaseOverhead = 5; // name, on-failure, commands:, finally:, one finally command
        int commands = lines - out.size() - tail - phases.length * perPhaseOverhead;
        int id = 0;
        for (int p = 0; p < phases.length; p++) {
            out.add("  " + phases[p] + ":");
            out.add("    on-failure: CONTINUE");
            out.add("    commands:");
            int n = commands / phases.length + (p < commands % phases.length ? 1 : 0);
            for (int i = 0; i < n; i++, id++) {
                switch (id % 4) {
                    case 0 -> out.add("      - echo \"step " + id + " of $VAR_" + (id % 100) + "\"");
                    case 1 -> out.add("      - mkdir -p out/" + id + " && cd out/" + id + " && touch f" + id);
                    case 2 -> out.add("      - 'printf \"%s\\n\" \"a: b\" > /dev/null'");
                    default -> out.add("      - test -n \"$CODEBUILD_SRC_DIR\" || exit " + (id % 7 + 1));
                }
            }
            out.add("    finally:");
            out.add("      - echo finally " + phases[p]);
        }
        out.add("artifacts:");
        out.add("  files:");
        out.add("    - 'out/**/*'");
        out.add("  name: build-$CODEBUILD_BUILD_NUMBER");
        out.add("  discard-paths: no");
        out.add("  base-directory: .");
        if (out.size() != lines) {
            throw new IllegalStateException("generated " + out.size() + " lines, wanted " + lines);
        }
        return String.join("\n", out) + "\n";
    }
}
