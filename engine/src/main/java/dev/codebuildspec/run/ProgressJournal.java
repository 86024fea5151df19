package dev.codebuildspec.run;

import dev.codebuildspec.driver.DriverEvent;
import dev.codebuildspec.log.SettableClock;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.record.StepRecord;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything that moved a {@link BuildProgress}, in order and with its time, so that a host that was
 * dropped mid-build (a Jenkins controller restart) rebuilds the phase records by replaying it into a
 * fresh progress whose log goes nowhere. Free of secrets: driver events hold ids and names; exported
 * values and context messages are recorded masked. {@code Running command} events only make log
 * lines and are not kept.
 */
public final class ProgressJournal implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Kind { BEGIN, END, INTERRUPT, EVENT, VALUE, STEP }

    /** A plain class, not a record: Pipeline's program.dat marshalling predates records. */
    private static final class Entry implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long millis;
        private final Kind kind;
        private final String a;
        private final String b;
        private final String c;

        Entry(long millis, Kind kind, String a, String b, String c) {
            this.millis = millis;
            this.kind = kind;
            this.a = a;
            this.b = b;
            this.c = c;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void begin(long now, PhaseType type) {
        entries.add(new Entry(now, Kind.BEGIN, type.name(), null, null));
    }

    synchronized void end(long now, PhaseType type, Status status, Optional<PhaseContext> context) {
        entries.add(new Entry(now, Kind.END, type.name(), status.name(), context.map(ProgressJournal::encode).orElse(null)));
    }

    synchronized void interrupt(long now, Status status, PhaseContext context) {
        entries.add(new Entry(now, Kind.INTERRUPT, status.name(), encode(context), null));
    }

    synchronized void event(long now, DriverEvent event) {
        if (event.type() != DriverEvent.Type.COMMAND_START) {
            entries.add(new Entry(now, Kind.EVENT, event.type().name(), String.join(" ", event.args()), null));
        }
    }

    synchronized void value(long now, String name, String masked) {
        entries.add(new Entry(now, Kind.VALUE, name, masked, null));
    }

    synchronized void step(long now, StepRecord.Name name, long startMillis, Status status) {
        entries.add(new Entry(now, Kind.STEP, name.name(), status.name(), Long.toString(startMillis)));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Replays into {@code p} (which records nothing meanwhile); {@code clock} is set to each entry's time. */
    synchronized void replay(BuildProgress p, SettableClock clock) {
        for (Entry e : entries) {
            clock.set(e.millis);
            switch (e.kind) {
                case BEGIN -> p.begin(PhaseType.valueOf(e.a));
                case END -> p.end(PhaseType.valueOf(e.a), Status.valueOf(e.b), Optional.ofNullable(e.c).map(ProgressJournal::decode));
                case INTERRUPT -> p.interrupt(Status.valueOf(e.a), decode(e.b));
                case EVENT -> p.onEvent(new DriverEvent(DriverEvent.Type.valueOf(e.a),
                        e.b.isEmpty() ? List.of() : List.of(e.b.split(" "))));
                case VALUE -> p.onExportedValue(e.a, e.b.getBytes(StandardCharsets.UTF_8));
                case STEP -> p.step(StepRecord.Name.valueOf(e.a), Long.parseLong(e.c), Status.valueOf(e.b));
                default -> throw new IllegalStateException(e.kind.name());
            }
        }
        clock.release();
    }

    private static String encode(PhaseContext c) {
        return c.statusCode() + "\n" + c.message();
    }

    private static PhaseContext decode(String s) {
        int nl = s.indexOf('\n');
        return new PhaseContext(s.substring(0, nl), s.substring(nl + 1));
    }
}
