package dev.codebuildspec.parse;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A buildspec file read whole within the parser's limit, or why it could not be read. Runs where the file
 * is (the CLI's machine, a Jenkins agent), so that only the text travels and is parsed once, elsewhere.
 * A plain serializable class: it crosses Jenkins' controller–agent link.
 */
public final class BuildspecText implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String text;
    private final String problem;

    private BuildspecText(String text, String problem) {
        this.text = text;
        this.problem = problem;
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** Why the file could not be read, as the log says it; empty when it was read. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    public static BuildspecText read(Path file) {
        try {
            if (!Files.exists(file)) {
                // exists() is also false when a directory on the way may not be searched.
                return failed(Files.notExists(file) ? "stat " + file + ": no such file or directory"
                        : "cannot read YAML file " + file + ": permission denied (" + unreadable(file) + ")");
            }
            if (Files.isDirectory(file)) {
                return failed("cannot read YAML file " + file + ": it is a directory");
            }
            // UTF-8 takes at most 4 bytes per code point; bigger files cannot be within the limit.
            long size = Files.size(file);
            if (size > 4L * BuildspecParser.MAX_CODE_POINTS) {
                return failed("YAML file " + file + " is " + size + " bytes; a buildspec may have at most "
                        + BuildspecParser.MAX_CODE_POINTS + " characters");
            }
            return new BuildspecText(Files.readString(file, StandardCharsets.UTF_8), null);
        } catch (CharacterCodingException e) {
            return failed("cannot read YAML file " + file + ": it is not valid UTF-8");
        } catch (IOException | RuntimeException e) {
            return failed("cannot read YAML file " + file + ": " + e);
        }
    }

    /**
     * Reads {@code relative} under {@code root}, refusing a path that leads outside it, by its name or through a link:
     * the buildspec is repository content, and its text may be shown in the log.
     */
    public static BuildspecText readInside(Path root, String relative) {
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(relative).normalize();
        if (!file.startsWith(base)) {
            return failed("the buildspec " + relative + " is outside the source " + base + "; it must be a path inside it");
        }
        try {
            if (Files.exists(file) && !file.toRealPath().startsWith(base.toRealPath())) {
                return failed("the buildspec " + relative + " is a link to a file outside the source " + base);
            }
        } catch (IOException e) {
            return failed("cannot read YAML file " + file + ": " + e);
        }
        return read(file);
    }

    /** A text the host already has (a setting's value). */
    public static BuildspecText of(String text) {
        return new BuildspecText(text, null);
    }

    public static BuildspecText failed(String problem) {
        return new BuildspecText(null, problem);
    }

    /** The first directory on the way to {@code file} that this process may not search, for the message. */
    private static String unreadable(Path file) {
        Path p = file.toAbsolutePath().getParent();
        Path firstDenied = p;
        while (p != null) {
            if (!Files.isExecutable(p) || !Files.isReadable(p)) {
                firstDenied = p;
            }
            p = p.getParent();
        }
        return firstDenied + " may not be read by this user";
    }
}
