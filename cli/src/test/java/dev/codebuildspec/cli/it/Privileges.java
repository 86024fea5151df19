package dev.codebuildspec.cli.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who the tests run as, and the means to run the CLI as someone else (root only). */
final class Privileges {
    private Privileges() {
    }

    static int uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isRoot() {
        return uid() == 0;
    }

    static int dockerGid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/var/run/docker.sock"), "unix:gid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void chownTree(Path root, int uid) {
        try {
            Process p = new ProcessBuilder("chown", "-R", uid + ":" + uid, root.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new AssertionError("chown -R " + uid + " " + root + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
