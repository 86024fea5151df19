package dev.codebuildspec.driver;

import java.util.List;
import java.util.Optional;

/**
 * One line the driver prints behind its marker. The vocabulary is tiny on purpose: the host
 * turns it into CodeBuild's log lines, so the driver never prints command text itself.
 */
public record DriverEvent(Type type, List<String> args) {
    /** How long the driver waits for the host to start answering a cache request. */
    public static final int CACHE_ANSWER_SECONDS = 60;
    /** How long the driver waits for a started cache restore to finish (the host's own bound is 30 min). */
    public static final int CACHE_RESTORE_SECONDS = 35 * 60;

    public enum Type {
        /** T uptime: the driver started, at this kernel uptime (seconds, 1/100 s; empty where unknown). */
        TIME('T'),
        /** P phase [uptime]: entering a phase. */
        PHASE_START('P'),
        /** E phase 0|1 [uptime]: a phase attempt ended (1 = succeeded). */
        PHASE_END('E'),
        /** R phase attempt: the phase is retried. */
        PHASE_RETRY('R'),
        /** C id: running a command. */
        COMMAND_START('C'),
        /** F id status: a command exited non-zero. */
        COMMAND_FAILED('F'),
        /** V name: the hex lines of an exported variable follow, up to {@link #VALUE_END}. */
        VALUE_START('V'),
        /** v: end of an exported value. */
        VALUE_END('v'),
        /** W code: something the user should know, that does not fail the build. */
        WARNING('W'),
        /**
         * K: the one request the host must answer. Emitted only when the host said it keeps a cache
         * ({@link DriverSettings#hostRestoresCache}). The host touches {@code cache-restoring} as soon as it
         * starts and {@code cache-ready} when it is done; the driver waits {@value #CACHE_ANSWER_SECONDS} s
         * for either, then {@value #CACHE_RESTORE_SECONDS} s for the restore, and otherwise goes on with
         * {@link #WARNING} {@code cache-unanswered} or {@code cache-unfinished}.
         */
        CACHE_REQUEST('K'),
        /** D 0|1: every phase is done; 1 = go on to UPLOAD_ARTIFACTS. */
        DONE('D');

        private final char code;

        Type(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** Parses the text after the marker; anything not in the vocabulary is not an event. */
    public static Optional<DriverEvent> parse(String line) {
        if (line.isEmpty()) {
            return Optional.empty();
        }
        char code = line.charAt(0);
        for (Type t : Type.values()) {
            if (t.code == code && (line.length() == 1 || line.charAt(1) == ' ')) {
                String rest = line.length() > 2 ? line.substring(2) : "";
                List<String> args = rest.isEmpty() ? List.of() : List.of(rest.split(" "));
                return Optional.of(new DriverEvent(t, args));
            }
        }
        return Optional.empty();
    }

    /** An uptime argument ({@code 12345.67}) in 1/100 s; empty when it is missing or not one. */
    public static java.util.OptionalLong centiseconds(String uptime) {
        int dot = uptime.indexOf('.');
        if (dot < 1 || uptime.length() - dot != 3) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(uptime.substring(0, dot)) * 100
                    + Integer.parseInt(uptime.substring(dot + 1)));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** The log line for a driver's {@code W} event code. */
    public static String warningText(String code) {
        return switch (code) {
            case "vars" -> "Warning: some shell variables could not be carried over to the next command (readonly?)";
            case "cache-unanswered" -> "Warning: the cache request was not answered within " + CACHE_ANSWER_SECONDS
                    + " s; the build goes on without the cache";
            case "cache-unfinished" -> "Warning: the cache restore did not finish within " + CACHE_RESTORE_SECONDS / 60
                    + " min; the build goes on with what was restored";
            default -> "Warning: " + code;
        };
    }
}
