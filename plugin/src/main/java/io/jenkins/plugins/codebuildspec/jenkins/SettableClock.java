package io.jenkins.plugins.codebuildspec.jenkins;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, or a fixed instant while a journal is replayed. */
final class SettableClock extends Clock {
    private volatile Instant fixed;

    void set(long millis) {
        fixed = Instant.ofEpochMilli(millis);
    }

    void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
