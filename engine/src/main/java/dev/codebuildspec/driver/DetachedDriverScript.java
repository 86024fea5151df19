package dev.codebuildspec.driver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The script a detached driver runs inside the container (a Jenkins durable task, or any host that
 * polls a log file): it puts the engine's driver into the container's tmpfs and runs it, its output
 * piped through a masking filter <em>inside the container</em>, so a log file on the host's disk
 * never holds a secret value.
 *
 * <p>The filter is an awk program that reads the forms to mask from its environment
 * ({@code CBS_MASK_0}, {@code CBS_MASK_1}, …, passed by name with {@code docker exec -e}), never from
 * argv or from a file. Event lines behind the driver's marker are left alone (they hold ids and
 * names only); the hex-encoded exported values between {@code V} and {@code v} events are decoded,
 * masked and re-encoded. Without secrets the driver runs directly. With secrets and no awk in the
 * image the build fails rather than write unmasked output to the agent's disk.
 */
public final class DetachedDriverScript {
    static final String MASK_PREFIX = "CBS_MASK_";
    static final String MARK_VARIABLE = "CBS_MARK";

    static final String AWK = String.join("\n",
            "BEGIN {",
            "  mark = ENVIRON[\"" + MARK_VARIABLE + "\"]; n = 0; inval = 0; hexbuf = \"\"",
            "  for (k in ENVIRON) if (k ~ /^" + MASK_PREFIX + "[0-9]+$/) { i = substr(k, " + (MASK_PREFIX.length() + 1)
                    + ") + 0; f[i] = ENVIRON[k]; if (i + 1 > n) n = i + 1 }",
            "  for (i = 1; i < 256; i++) ord[sprintf(\"%c\", i)] = i",
            "}",
            "function mask(s,   i, p, out, v, l) {",
            "  for (i = 0; i < n; i++) {",
            "    v = f[i]; l = length(v); if (l == 0 || index(s, v) == 0) continue",
            "    out = \"\"",
            "    while ((p = index(s, v)) > 0) { out = out substr(s, 1, p - 1) \"***\"; s = substr(s, p + l) }",
            "    s = out s",
            "  }",
            "  return s",
            "}",
            "function unhex(h,   s, i) {",
            "  s = \"\"; h = tolower(h); gsub(/[^0-9a-f]/, \"\", h)",
            "  for (i = 1; i < length(h); i += 2)",
            "    s = s sprintf(\"%c\", (index(\"0123456789abcdef\", substr(h, i, 1)) - 1) * 16 + index(\"0123456789abcdef\", substr(h, i + 1, 1)) - 1)",
            "  return s",
            "}",
            "function tohex(s,   i, out) {",
            "  out = \"\"; for (i = 1; i <= length(s); i++) out = out sprintf(\" %02x\", ord[substr(s, i, 1)])",
            "  return out",
            "}",
            "{",
            "  line = $0",
            "  p = mark == \"\" ? 0 : index(line, mark)",
            "  if (inval) {",
            "    if (p == 1 && substr(line, length(mark) + 1) == \"v\") {",
            "      printf \"%s\\n%s\\n\", tohex(mask(unhex(hexbuf))), line; inval = 0; hexbuf = \"\"; fflush(); next",
            "    }",
            "    hexbuf = hexbuf \" \" line; next",
            "  }",
            "  if (p > 0) {",
            "    printf \"%s%s\\n\", mask(substr(line, 1, p - 1)), substr(line, p)",
            "    if (substr(line, p + length(mark), 2) == \"V \") { inval = 1; hexbuf = \"\" }",
            "  } else {",
            "    printf \"%s\\n\", mask(line)",
            "  }",
            "  fflush()",
            "}",
            "END { if (inval) printf \"%s\\n\", tohex(mask(unhex(hexbuf))) }",
            "");

    private DetachedDriverScript() {
    }

    /** The durable task's script. It holds no secret value: those come from the environment. */
    public static String script(String driver, String shell, DriverMarker marker, boolean masking, String stateDir) {
        String delimiter = "CBS_DRIVER_" + marker.nonce();
        String path = stateDir + "/driver.sh";
        StringBuilder s = new StringBuilder(driver.length() + AWK.length() + 1024);
        s.append("#!/bin/sh\n");
        s.append("# codebuild-spec: the buildspec driver, run inside the build container.\n");
        s.append("umask 077\n");
        s.append("mkdir -p ").append(stateDir).append(" || exit 97\n");
        s.append("cat >").append(path).append(" <<'").append(delimiter).append("'\n");
        s.append(driver);
        if (!driver.endsWith("\n")) {
            s.append('\n');
        }
        s.append(delimiter).append('\n');
        s.append("umask 022\n");
        s.append("if ! command -v ").append(shell).append(" >/dev/null 2>&1; then echo 'codebuild-spec: the image has no ")
                .append(shell).append(" (env/shell)'; exit 127; fi\n");
        if (!masking) {
            s.append("exec ").append(shell).append(' ').append(path).append(" </dev/null\n");
            return s.toString();
        }
        s.append("if ! command -v awk >/dev/null 2>&1; then echo 'codebuild-spec: the image has no awk, which masks ")
                .append("secret values inside the container; not running a build with secrets unmasked'; exit 127; fi\n");
        s.append(MARK_VARIABLE).append("=$(printf '\\036CBS-").append(marker.nonce()).append(" ')\n");
        s.append("export ").append(MARK_VARIABLE).append('\n');
        s.append(shell).append(' ').append(path).append(" </dev/null 2>&1 | LC_ALL=C awk '").append(AWK).append("'\n");
        return s.toString();
    }

    /** The variables carrying the forms to mask; their names go on argv, their values never. */
    public static Map<String, String> maskVariables(List<String> forms) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < forms.size(); i++) {
            m.put(MASK_PREFIX + i, forms.get(i));
        }
        return m;
    }
}
