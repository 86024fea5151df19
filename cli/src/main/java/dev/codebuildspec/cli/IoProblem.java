package dev.codebuildspec.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What is wrong with a file the command line named, said once: the path, then the trouble (not the path again). */
final class IoProblem {
    private IoProblem() {
    }

    static String describe(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return path + ": no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return path + ": permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return path + ": " + lower(f.getReason());
        }
        String message = String.valueOf(e.getMessage());
        return message.startsWith(path.toString()) ? message : path + ": " + lower(message);
    }

    /** As the shell says it: {@code is a directory}, not the JDK's {@code Is a directory}. */
    private static String lower(String reason) {
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
