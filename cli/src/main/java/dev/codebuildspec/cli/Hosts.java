package dev.codebuildspec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class Hosts {
    private Hosts() {
    }

    /** The kernel's host name; stable for the owner label without a DNS lookup. */
    static String name() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
