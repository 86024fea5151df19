package io.jenkins.plugins.codebuildspec.jenkins;

import dev.codebuildspec.run.BuildProgress;
import dev.codebuildspec.driver.DriverEvent;
import dev.codebuildspec.log.DriverListener;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything that moved a build's {@link BuildProgress}, in order and with its time, so that a
 * controller restart can rebuild the phase records by replaying it into a fresh progress whose
 * log goes nowhere. Serializable and free of secrets: driver events hold ids and names; exported
 * values are stored masked; context messages are masked before they get here.
 * {@code Running command} events only make log lines and are not kept.
 */
final class ProgressJournal implements Serializable {
    private static final long serialVersionUID = 1L;

    private enum Kind { BEGIN, END, INTERRUPT, EVENT, VALUE }

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

        long millis() {
            return millis;
        }

        Kind kind() {
            return kind;
        }

        String a() {
            return a;
        }

        String b() {
            return b;
        }

        String c() {
            return c;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void begin(BuildProgress p, long now, PhaseType type) {
        entries.add(new Entry(now, Kind.BEGIN, type.name(), null, null));
        p.begin(type);
    }

    synchronized void end(BuildProgress p, long now, PhaseType type, Status status, Optional<PhaseContext> context) {
        entries.add(new Entry(now, Kind.END, type.name(), status.name(), context.map(Journal::encode).orElse(null)));
        p.end(type, status, context);
    }

    synchronized void interrupt(BuildProgress p, long now, Status status, PhaseContext context) {
        entries.add(new Entry(now, Kind.INTERRUPT, status.name(), Journal.encode(context), null));
        p.interrupt(status, context);
    }

    /** A listener that records the driver's events and passes them on to {@code p}. */
    DriverListener recording(BuildProgress p, java.util.function.LongSupplier clock,
            java.util.function.UnaryOperator<String> mask) {
        return new DriverListener() {
            @Override
            public void onEvent(DriverEvent event) {
                if (event.type() != DriverEvent.Type.COMMAND_START) {
                    synchronized (ProgressJournal.this) {
                        entries.add(new Entry(clock.getAsLong(), Kind.EVENT, event.type().name(),
                                String.join(" ", event.args()), null));
                    }
                }
                p.onEvent(event);
            }

            @Override
            public void onExportedValue(String name, byte[] value) {
                String masked = mask.apply(new String(value, StandardCharsets.UTF_8));
                synchronized (ProgressJournal.this) {
                    entries.add(new Entry(clock.getAsLong(), Kind.VALUE, name, masked, null));
                }
                p.onExportedValue(name, masked.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    /** Replays into {@code p}; {@code clock} is set to each entry's time before it is applied. */
    synchronized void replay(BuildProgress p, SettableClock clock) {
        for (Entry e : entries) {
            clock.set(e.millis());
            switch (e.kind()) {
                case BEGIN -> p.begin(PhaseType.valueOf(e.a()));
                case END -> p.end(PhaseType.valueOf(e.a()), Status.valueOf(e.b()), Optional.ofNullable(e.c()).map(Journal::decode));
                case INTERRUPT -> p.interrupt(Status.valueOf(e.a()), Journal.decode(e.b()));
                case EVENT -> p.onEvent(new DriverEvent(DriverEvent.Type.valueOf(e.a()),
                        e.b().isEmpty() ? List.of() : List.of(e.b().split(" "))));
                case VALUE -> p.onExportedValue(e.a(), e.b().getBytes(StandardCharsets.UTF_8));
                default -> throw new IllegalStateException(e.kind().name());
            }
        }
    }

    private static final class Journal {
        static String encode(PhaseContext c) {
            return c.statusCode() + "\n" + c.message();
        }

        static PhaseContext decode(String s) {
            int nl = s.indexOf('\n');
            return new PhaseContext(s.substring(0, nl), s.substring(nl + 1));
        }
    }
}
