package dev.codebuildspec.run;

import dev.codebuildspec.driver.DriverEvent;
import java.util.OptionalLong;

/**
 * The driver's clock on the host's: the driver says its kernel uptime when it starts ({@code T}) and with each
 * phase event, so a phase is timed by the driver, not by when a polling host (Jenkins, up to 5 s between polls
 * of a quiet build) saw it. The driver's start is anchored where the host saw it, which comes right after the
 * driver was started (the first polls are quick): a phase may be placed late by that, never early, so it never
 * precedes host work it waited for (a cache restore). An event is never placed after the host saw it, nor
 * before a time already recorded; without an uptime (no {@code /proc/uptime}) it is when it was seen.
 */
final class DriverClock {
    private long startUptime = -1;
    private long startMillis;

    /** The driver's {@code T} event, seen at {@code seen}. */
    void started(String uptime, long seen) {
        startUptime = DriverEvent.centiseconds(uptime).orElse(-1);
        startMillis = seen;
    }

    /** The host time of an event with {@code uptime}, seen at {@code seen}, after {@code floor}. */
    long at(String uptime, long seen, long floor) {
        OptionalLong at = DriverEvent.centiseconds(uptime);
        if (at.isEmpty() || startUptime < 0) {
            return seen;
        }
        return Math.max(floor, Math.min(seen, startMillis + (at.getAsLong() - startUptime) * 10));
    }
}
