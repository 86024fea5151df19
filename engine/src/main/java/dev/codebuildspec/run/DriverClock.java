package dev.codebuildspec.run;

import dev.codebuildspec.driver.DriverEvent;
import java.util.OptionalLong;

/**
 * The driver's clock on the host's: the driver says its kernel uptime when it starts ({@code T}) and with each
 * phase event, and the host knows when it began to start the driver, so a phase is timed as it ran, not as a
 * polling host (Jenkins) saw it. An event is never placed after the host saw it, nor before a time already
 * recorded; without an uptime (no {@code /proc/uptime}, a state saved before this existed) it is when it was seen.
 */
final class DriverClock {
    private long startUptime = -1;
    private long launchMillis;

    void launched(long millis) {
        launchMillis = millis;
    }

    void started(String uptime) {
        startUptime = DriverEvent.centiseconds(uptime).orElse(-1);
    }

    /** The host time of an event with {@code uptime}, seen at {@code seen}, after {@code floor}. */
    long at(String uptime, long seen, long floor) {
        OptionalLong at = DriverEvent.centiseconds(uptime);
        if (at.isEmpty() || startUptime < 0 || launchMillis == 0) {
            return seen;
        }
        return Math.max(floor, Math.min(seen, launchMillis + (at.getAsLong() - startUptime) * 10));
    }
}
