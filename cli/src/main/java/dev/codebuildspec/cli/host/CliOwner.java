package dev.codebuildspec.cli.host;

import java.util.Optional;

/**
 * Owner label values for containers started by a CLI process: {@code cli:<host>:<pid>:<start>}.
 * The start time tells a live owner from a new process that reuses its pid.
 */
public final class CliOwner {
    private static final String PREFIX = "cli:";

    private CliOwner() {
    }

    public static String current(String host) {
        ProcessHandle self = ProcessHandle.current();
        return PREFIX + host + ":" + self.pid() + ":" + startMillis(self).orElse(0L);
    }

    /** True for a CLI owner on {@code host} whose process is no longer running. */
    public static boolean isGone(String owner, String host) {
        if (!owner.startsWith(PREFIX)) {
            return false;
        }
        String[] p = owner.split(":");
        if (p.length != 4 || !p[1].equals(host)) {
            return false;
        }
        try {
            long pid = Long.parseLong(p[2]);
            long start = Long.parseLong(p[3]);
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            // A start time of 0 was unknown when the label was written: the pid alone decides then.
            return h.isEmpty() || !h.get().isAlive()
                    || start != 0 && startMillis(h.get()).map(s -> s != start).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<Long> startMillis(ProcessHandle h) {
        return h.info().startInstant().map(i -> i.toEpochMilli());
    }
}
