package dev.codebuildspec.driver;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

/**
 * The container's first process when the driver runs as it (the CLI): no {@code docker exec} to start the driver and
 * no {@code docker rm} to end the container (bench P2). The container's command holds no secret; secrets and the
 * script come on its stdin, which stays open as the container's lifeline:
 * <ol>
 * <li>it says {@code READY} and waits: the host may exec into it meanwhile (secret files, the shell check);</li>
 * <li>the host writes the shell's name and the script's length, the secrets (one {@code NAME=value} line each, every
 * unusual byte as an octal escape that {@code printf %b} reads back), an end line, the script and another end line;</li>
 * <li>it runs the script with that shell, stdin at EOF, stderr into stdout and the secrets in its environment, then
 * says {@code EXIT} and the status;</li>
 * <li>it waits for its stdin to close (the cache save and the hand-back exec into it meanwhile), then ends, and the
 * container with it. Should the host die, its stdin closes too, and the first process hands the source tree back
 * itself, which the host would have done. Should that happen while the driver still runs, it does not wait for the
 * running command: it ends at once, and the container (whose init follows it) with everything in it.</li>
 * </ol>
 * The lines are read with the shell's {@code read}, which never reads past a line, in dash, bash and busybox ash alike;
 * the script with {@code head -c}, which may read ahead only into the silence that follows it.
 */
public final class FirstProcessBootstrap {
    private final String token;

    public FirstProcessBootstrap(String token) {
        this.token = token;
    }

    public static FirstProcessBootstrap random() {
        return new FirstProcessBootstrap(HexFormat.of().formatHex(RandomBytes.of(8)));
    }

    /** The line it prints once it runs. */
    public String readyLine() {
        return "\u001eCBS-" + token + " READY";
    }

    /** What the line that ends the driver starts with; the status and a newline follow. */
    public String exitPrefix() {
        return "\u001eCBS-" + token + " EXIT ";
    }

    /** The line that tells it the host handed the source tree back already. */
    public String handedBackLine() {
        return "CBS-" + token + "-HANDED-BACK\n";
    }

    /**
     * The container's command ({@code sh -c} this): holds no secret, only the token, the state directory and the
     * hand-back ({@code uid:gid:dir}, empty for none): when its stdin closes without the host having handed the source
     * tree back (the host was killed), it does so itself before it ends.
     */
    public String command(String stateDir, String handBack) {
        String[] h = handBack.split(":", 3);
        boolean chown = h.length == 3 && h[0].matches("\\d+") && h[1].matches("\\d+");
        return script(stateDir, chown ? "chown -R " + h[0] + ":" + h[1] + " " + ShellQuote.quote(h[2]) + " 2>/dev/null || :"
                : "");
    }

    /** The container's command when no hand-back is needed. */
    public String command(String stateDir) {
        return script(stateDir, "");
    }

    private String script(String stateDir, String chown) {
        String end = "CBS-" + token + "-END";
        String driver = stateDir + "/driver.sh";
        String exited = ShellQuote.quote(stateDir + "/exited");
        String handed = ShellQuote.quote(stateDir + "/handed");
        String handBack = chown.isEmpty() ? "" : "[ -f " + handed + " ] || " + chown;
        return "printf '\\036CBS-" + token + " READY\\n'\n"
                + "read -r shell size || exit 0\n"
                + "while IFS= read -r l && [ \"$l\" != " + end + " ]; do v=$(printf '%bx' \"${l#*=}\"); "
                + "export \"${l%%=*}=${v%x}\"; done\n"
                + "umask 077 && mkdir -p " + stateDir + " || exit 126\n"
                // head reads the script in a few reads; read, a byte at a time, is the fallback of an image without it
                + "if command -v head >/dev/null 2>&1; then head -c \"$size\" >" + driver + "; else "
                + "while IFS= read -r l && [ \"$l\" != " + end + " ]; do printf '%s\\n' \"$l\"; done >" + driver + "; fi\n"
                + "umask 022\n"
                // The lifeline, read beside the driver (which keeps the foreground, and with it its signals). It ends
                // before the driver does only when the host is gone: then no one waits for the build, and this process
                // ends at once, the container with it (its init follows it), instead of when the running command ends.
                + "exec 3<&0\n"
                + "(while IFS= read -r l; do case $l in CBS-" + token + "-HANDED-BACK) : >" + handed + " ;; esac; done; "
                + "[ -f " + exited + " ] || { " + (handBack.isEmpty() ? "" : handBack + "; ") + "kill -9 $$; }) <&3 &\n"
                + "w=$!\n"
                + "exec 3<&-\n"
                // One stream for the driver's output and errors: the log keeps the order they were written in
                + "if command -v \"$shell\" >/dev/null 2>&1; then \"$shell\" " + driver + " </dev/null 2>&1; "
                + "s=$?; else echo \"codebuild-spec: the image has no $shell (env/shell)\"; s=127; fi\n"
                + ": >" + exited + "\n"
                + "printf '\\036CBS-" + token + " EXIT %d\\n' \"$s\"\n"
                + "wait $w\n"
                + (handBack.isEmpty() ? "" : handBack + "\n");
    }

    /**
     * What the host writes to start the driver: the shell and the script's length, the secrets (names are shell names,
     * the request checked them), an end line, the script (ending with a newline) and an end line again.
     */
    public byte[] payload(String shell, Map<String, String> secrets, String script) {
        String end = "CBS-" + token + "-END\n";
        byte[] text = (script.isEmpty() || script.endsWith("\n") ? script : script + "\n").getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(shell).append(' ').append(text.length).append('\n');
        secrets.forEach((name, value) -> head.append(name).append('=').append(escape(value)).append('\n'));
        byte[] before = head.append(end).toString().getBytes(StandardCharsets.UTF_8);
        byte[] after = end.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[before.length + text.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(text, 0, all, before.length, text.length);
        System.arraycopy(after, 0, all, before.length + text.length, after.length);
        return all;
    }

    /** A value as {@code printf %b} reads it back: plain characters as they are, every other byte as \0ooo. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_-.,/:@+= ".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append("\\0").append((char) ('0' + (c >> 6))).append((char) ('0' + (c >> 3 & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
        return out.toString();
    }
}
