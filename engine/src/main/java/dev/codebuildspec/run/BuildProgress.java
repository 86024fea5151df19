package dev.codebuildspec.run;

import dev.codebuildspec.driver.BuildExpressions;
import dev.codebuildspec.driver.CommandIndex;
import dev.codebuildspec.driver.CommandRef;
import dev.codebuildspec.driver.DriverEvent;
import dev.codebuildspec.log.DriverListener;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.log.SettableClock;
import dev.codebuildspec.mask.SecretMasker;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseRecord;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.record.StepRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows a build phase by phase: turns driver events into CodeBuild's log lines and keeps the
 * phase records. The host-side phases (DOWNLOAD_SOURCE, UPLOAD_ARTIFACTS, FINALIZING) are
 * begun and ended through the same methods, so every phase is logged the same way.
 */
public final class BuildProgress implements DriverListener {
    /** Contexts whose text is this class's own: their variable part (the command) is masked when they are made. */
    private static final java.util.Set<String> OWN_CONTEXTS = java.util.Set.of(PhaseContext.COMMAND_EXECUTION_ERROR);

    private final LogSink log;
    private CommandIndex commands;
    private final SecretMasker masker;
    private final Map<PhaseType, PhaseRecord> phases = new LinkedHashMap<>();
    private final Map<String, String> exported = new LinkedHashMap<>();
    /** Buildspec values the shell evaluated (artifact names, cache keys), by {@link BuildExpressions} key. */
    private final Map<String, String> evaluated = new LinkedHashMap<>();
    private boolean cacheRequested;
    private final List<StepRecord> steps = new ArrayList<>();
    private PhaseType current;
    private Status outside = Status.SUCCEEDED;
    private PhaseContext failure;
    private boolean driverDone;
    private boolean uploadRequested;
    private final List<String> warnings = new ArrayList<>();
    private final ProgressJournal journal;
    private boolean replaying;
    private final DriverClock driverClock = new DriverClock();

    /** The commands of a plan that changed in DOWNLOAD_SOURCE (runtime versions added to INSTALL). */
    public synchronized void commands(CommandIndex changed) {
        this.commands = changed;
    }

    public BuildProgress(LogSink log, CommandIndex commands, SecretMasker masker) {
        this(log, commands, masker, new ProgressJournal());
    }

    /** A progress that goes on from {@code journal}: call {@link #replay} before anything else. */
    BuildProgress(LogSink log, CommandIndex commands, SecretMasker masker, ProgressJournal journal) {
        this.log = log;
        this.commands = commands;
        this.masker = masker;
        this.journal = journal;
    }

    /** What moved this progress so far; a resumed host replays it. */
    ProgressJournal journal() {
        return journal;
    }

    /** Rebuilds the phase records from the journal at their recorded times; {@code clock} is the log's. */
    synchronized void replay(SettableClock clock) {
        replaying = true;
        try {
            journal.replay(this, clock);
        } finally {
            replaying = false;
        }
    }

    private long now() {
        return log.clock().millis();
    }

    public synchronized void begin(PhaseType type) {
        beginAt(type, log.clock().instant());
    }

    private void beginAt(PhaseType type, Instant at) {
        if (!replaying) {
            journal.begin(now(), type);
        }
        PhaseRecord earlier = phases.get(type);
        phases.put(type, earlier != null && earlier.end().isEmpty()
                ? earlier
                : PhaseRecord.started(type, earlier != null ? earlier.start() : at));
        current = type;
        failure = null;
        if (type != PhaseType.DOWNLOAD_SOURCE) {
            log.agent("Entering phase " + type);
        } else {
            log.agent("Phase is " + type);
        }
    }

    public synchronized void end(PhaseType type, Status status, Optional<PhaseContext> given) {
        endAt(type, status, given, log.clock().instant());
    }

    private void endAt(PhaseType type, Status status, Optional<PhaseContext> given, Instant at) {
        PhaseRecord r = phases.get(type);
        if (r == null || r.end().isPresent()) {
            return;
        }
        // A context this build wrote itself is masked where it varies (the command); any other is masked whole.
        Optional<PhaseContext> context = given.map(this::masked);
        if (!replaying) {
            journal.end(now(), type, status, context);
        }
        phases.put(type, r.ended(status, at, context.map(List::of).orElse(List.of())));
        if (current == type) {
            current = null;
        }
        log.agent("Phase complete: " + type + " State: " + status);
        log.agent("Phase context status code: " + context.map(PhaseContext::statusCode).orElse("")
                + " Message: " + context.map(PhaseContext::message).orElse(""));
    }

    /** A context this build wrote itself is masked where it varies (the command); any other is masked whole. */
    private PhaseContext masked(PhaseContext c) {
        return OWN_CONTEXTS.contains(c.statusCode()) ? c : new PhaseContext(c.statusCode(), masker.mask(c.message()));
    }

    /** A step that began at {@code startMillis} (the log clock's) ended now, inside whatever phase runs. */
    public synchronized void step(StepRecord.Name name, long startMillis, Status status) {
        if (!replaying) {
            journal.step(now(), name, startMillis, status);
        }
        steps.add(new StepRecord(name, Optional.ofNullable(current), java.time.Instant.ofEpochMilli(startMillis),
                log.clock().instant(), status));
    }

    /** The log clock's time, for a step's start. */
    public long clockMillis() {
        return now();
    }

    public synchronized List<StepRecord> steps() {
        return List.copyOf(steps);
    }

    private Instant driverTime(String uptime) {
        long floor = 0;
        for (PhaseRecord p : phases.values()) {
            floor = Math.max(floor, p.end().orElse(p.start()).toEpochMilli());
        }
        return Instant.ofEpochMilli(driverClock.at(uptime, now(), floor));
    }

    /** A line from elsewhere (a warning with an error's text): masked whole. */
    public void info(String message) {
        log.agent("", message);
    }

    /**
     * Ends whatever phase is running with {@code status} (a timeout, a stop, a driver that died).
     * Between phases, the status still counts for the build.
     */
    public synchronized void interrupt(Status status, PhaseContext context) {
        if (!replaying) {
            journal.interrupt(now(), status, masked(context));
        }
        if (current != null) {
            boolean outer = replaying;
            replaying = true; // the interrupt entry stands for this end
            try {
                end(current, status, Optional.of(context));
            } finally {
                replaying = outer;
            }
        } else {
            log.agent("Build " + status + ": " + masked(context).message());
        }
        outside = outside.worst(status);
    }

    @Override
    public synchronized void onEvent(DriverEvent e) {
        if (!replaying) {
            journal.event(now(), e);
        }
        boolean outer = replaying;
        replaying = true; // the event entry stands for the phase changes it makes
        try {
            apply(e);
        } finally {
            replaying = outer;
        }
    }

    private void apply(DriverEvent e) {
        switch (e.type()) {
            case TIME -> driverClock.started(e.arg(0), now());
            case PHASE_START -> PhaseType.named(e.arg(0)).ifPresent(t -> beginAt(t, driverTime(e.arg(1))));
            case PHASE_END -> PhaseType.named(e.arg(0)).ifPresent(t -> endAt(t,
                    "1".equals(e.arg(1)) ? Status.SUCCEEDED : Status.FAILED,
                    "1".equals(e.arg(1)) ? Optional.empty() : Optional.ofNullable(failure), driverTime(e.arg(2))));
            case PHASE_RETRY -> log.agent("Retrying phase " + e.arg(0) + ": attempt " + (CommandIndex.number(e.arg(1)) + 1));
            case COMMAND_START -> commands.get(e.arg(0)).ifPresent(c -> log.agent("Running command ", c.displayText()));
            case COMMAND_FAILED -> commands.get(e.arg(0)).ifPresent(c -> commandFailed(c, e.arg(1)));
            case WARNING -> warning(e.arg(0));
            case CACHE_REQUEST -> cacheRequested = true;
            case DONE -> {
                driverDone = true;
                uploadRequested = "1".equals(e.arg(0));
            }
            default -> {
            }
        }
    }

    @Override
    public synchronized void onExportedValue(String name, byte[] value) {
        String text = masker.mask(new String(value, StandardCharsets.UTF_8));
        if (!replaying) {
            journal.value(now(), name, text);
        }
        if (name.startsWith(BuildExpressions.PREFIX)) {
            evaluated.put(name.substring(BuildExpressions.PREFIX.length()), text);
        } else {
            exported.put(name, text);
        }
    }

    private void commandFailed(CommandRef c, String status) {
        log.agent("Command did not exit successfully ", c.displayText() + " exit status " + status);
        if (failure == null) {
            failure = new PhaseContext(PhaseContext.COMMAND_EXECUTION_ERROR,
                    "Error while executing command: " + masker.mask(c.displayText()) + ". Reason: exit status " + status);
        }
    }

    private void warning(String code) {
        String message = DriverEvent.warningText(code);
        if (!warnings.contains(message)) {
            warnings.add(message);
            log.agent(message);
        }
    }

    public synchronized boolean driverDone() {
        return driverDone;
    }

    public synchronized boolean cacheRequested() {
        return cacheRequested;
    }

    public synchronized Map<String, String> evaluated() {
        return new LinkedHashMap<>(evaluated);
    }

    public synchronized boolean uploadRequested() {
        return uploadRequested;
    }

    public synchronized List<PhaseRecord> phases() {
        return List.copyOf(phases.values());
    }

    public synchronized Map<String, String> exportedVariables() {
        return new LinkedHashMap<>(exported);
    }

    /** The build status the phases add up to. */
    public synchronized Status outcome() {
        Status s = outside;
        for (PhaseRecord p : phases.values()) {
            s = s.worst(p.status());
        }
        return s;
    }
}
