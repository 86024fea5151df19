package dev.codebuildspec.driver;

import dev.codebuildspec.buildspec.Command;
import dev.codebuildspec.buildspec.PhaseName;

/** A command and where it stands: the driver reports progress by {@link #id()} only. */
public record CommandRef(int id, PhaseName phase, boolean inFinally, Command command) {
    public String text() {
        return command.text();
    }

    /**
     * The command as the log and failure messages show it: a block scalar's final line break
     * dropped, so the next log line does not follow an empty one.
     */
    public String displayText() {
        String t = command.text();
        int end = t.length();
        while (end > 0 && (t.charAt(end - 1) == '\n' || t.charAt(end - 1) == '\r')) {
            end--;
        }
        return t.substring(0, end);
    }
}
