package dev.codebuildspec.run;

import java.util.OptionalInt;

/** What one {@link DriverTask#poll()} saw: whether output arrived, and the exit status once the driver ended. */
public record DriverPoll(boolean output, OptionalInt exit) {
    public static DriverPoll running(boolean output) {
        return new DriverPoll(output, OptionalInt.empty());
    }

    public static DriverPoll ended(int status) {
        return new DriverPoll(true, OptionalInt.of(status));
    }
}
