package dev.codebuildspec.log;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that tells another clock's time, or a fixed instant while a journal is replayed. */
public final class SettableClock extends Clock {
    private final Clock base;
    private volatile Instant fixed;

    public SettableClock(Clock base) {
        this.base = base;
    }

    public void set(long millis) {
        fixed = Instant.ofEpochMilli(millis);
    }

    public void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : base.instant();
    }
}
