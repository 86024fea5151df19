package dev.codebuildspec.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.codebuildspec.driver.CommandIndex;
import dev.codebuildspec.driver.DriverEvent;
import dev.codebuildspec.log.LogSink;
import dev.codebuildspec.mask.SecretMasker;
import dev.codebuildspec.parse.BuildspecParser;
import dev.codebuildspec.parse.ParseResult;
import dev.codebuildspec.record.PhaseContext;
import dev.codebuildspec.record.PhaseRecord;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import dev.codebuildspec.record.StepRecord;
import dev.codebuildspec.buildspec.Buildspec;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Driver events turned into CodeBuild's log lines and phase records. */
class BuildProgressTest {
    private static final String YAML = """
            version: 0.2
            phases:
              install:
                commands:
                  - echo install
              build:
                commands:
                  - make all
                  - make test
                finally:
                  - echo cleanup
            """;
    private static final Instant T0 = Instant.parse("2024-01-31T12:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
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
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final BuildProgress progress = progress(SecretMasker.none());

    private BuildProgress progress(SecretMasker masker) {
        ParseResult parsed = new BuildspecParser().parse(YAML, "buildspec.yml");
        assertThat(parsed.errors()).isEmpty();
        Buildspec spec = parsed.buildspec().orElseThrow();
        return new BuildProgress(new LogSink(log, clock), CommandIndex.of(spec), masker);
    }

    private void events(String... lines) {
        for (String line : lines) {
            progress.onEvent(DriverEvent.parse(line).orElseThrow(() -> new AssertionError("not an event: " + line)));
        }
    }

    /** The log's agent lines without their {@code [Container] <date> <time> } prefix. */
    private List<String> messages() {
        String text = log.toString(UTF_8);
        List<String> lines = Arrays.asList(text.split("\n", -1));
        assertThat(lines.get(lines.size() - 1)).as("the log ends with a newline").isEmpty();
        return lines.subList(0, lines.size() - 1).stream()
                .peek(l -> assertThat(l).matches("\\[Container] \\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6} .*"))
                .map(l -> l.substring("[Container] 2024/01/31 12:00:00.000000 ".length()))
                .toList();
    }

    private PhaseRecord phase(PhaseType type) {
        return progress.phases().stream().filter(p -> p.type() == type).findFirst().orElseThrow();
    }

    @Test
    void aSucceedingPhaseLogsCodeBuildsLines() {
        events("P INSTALL", "C 0", "E INSTALL 1");
        assertThat(messages()).containsExactly(
                "Entering phase INSTALL",
                "Running command echo install",
                "Phase complete: INSTALL State: SUCCEEDED",
                "Phase context status code:  Message: ");
        assertThat(progress.phases()).containsExactly(new PhaseRecord(
                PhaseType.INSTALL, Status.SUCCEEDED, T0, Optional.of(T0), List.of()));
        assertThat(progress.outcome()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aFailingCommandFailsThePhaseWithItsContext() {
        events("P BUILD", "C 1");
        clock.advance(Duration.ofSeconds(5));
        events("F 1 2", "C 3");
        clock.advance(Duration.ofSeconds(2));
        events("E BUILD 0");
        assertThat(messages()).containsExactly(
                "Entering phase BUILD",
                "Running command make all",
                "Command did not exit successfully make all exit status 2",
                "Running command echo cleanup",
                "Phase complete: BUILD State: FAILED",
                "Phase context status code: COMMAND_EXECUTION_ERROR Message: "
                        + "Error while executing command: make all. Reason: exit status 2");
        PhaseRecord build = phase(PhaseType.BUILD);
        assertThat(build.status()).isEqualTo(Status.FAILED);
        assertThat(build.start()).isEqualTo(T0);
        assertThat(build.end()).contains(T0.plusSeconds(7));
        assertThat(build.durationInSeconds()).isEqualTo(7);
        assertThat(build.contexts()).containsExactly(new PhaseContext(PhaseContext.COMMAND_EXECUTION_ERROR,
                "Error while executing command: make all. Reason: exit status 2"));
        assertThat(progress.outcome()).isEqualTo(Status.FAILED);
    }

    @Test
    void theFirstFailureOfAPhaseIsItsContext() {
        events("P BUILD", "C 2", "F 2 1", "C 3", "F 3 127", "E BUILD 0");
        assertThat(messages()).contains(
                "Command did not exit successfully make test exit status 1",
                "Command did not exit successfully echo cleanup exit status 127");
        assertThat(phase(PhaseType.BUILD).contexts()).extracting(PhaseContext::message)
                .containsExactly("Error while executing command: make test. Reason: exit status 1");
    }

    @Test
    void aFailureInOnePhaseIsNotTheContextOfTheNext() {
        events("P INSTALL", "C 0", "F 0 3", "E INSTALL 0", "P BUILD", "C 1", "E BUILD 0");
        assertThat(phase(PhaseType.INSTALL).contexts()).hasSize(1);
        assertThat(phase(PhaseType.BUILD).status()).isEqualTo(Status.FAILED);
        assertThat(phase(PhaseType.BUILD).contexts()).isEmpty();
    }

    @Test
    void hostSidePhasesAreBegunAndEndedTheSameWay() {
        progress.begin(PhaseType.DOWNLOAD_SOURCE);
        clock.advance(Duration.ofMillis(1500));
        progress.end(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, Optional.empty());
        progress.begin(PhaseType.UPLOAD_ARTIFACTS);
        progress.end(PhaseType.UPLOAD_ARTIFACTS, Status.FAILED,
                Optional.of(new PhaseContext(PhaseContext.CLIENT_ERROR, "no matching artifact paths")));
        assertThat(messages()).containsExactly(
                "Phase is DOWNLOAD_SOURCE",
                "Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED",
                "Phase context status code:  Message: ",
                "Entering phase UPLOAD_ARTIFACTS",
                "Phase complete: UPLOAD_ARTIFACTS State: FAILED",
                "Phase context status code: CLIENT_ERROR Message: no matching artifact paths");
        assertThat(progress.phases()).extracting(PhaseRecord::type)
                .containsExactly(PhaseType.DOWNLOAD_SOURCE, PhaseType.UPLOAD_ARTIFACTS);
        assertThat(phase(PhaseType.DOWNLOAD_SOURCE).durationInSeconds()).isEqualTo(1);
    }

    @Test
    void endingAPhaseTwiceOrOneNeverBegunChangesNothing() {
        progress.end(PhaseType.BUILD, Status.FAILED, Optional.empty());
        events("P BUILD", "E BUILD 1");
        progress.end(PhaseType.BUILD, Status.FAULT, Optional.empty());
        assertThat(messages()).containsExactly(
                "Entering phase BUILD", "Phase complete: BUILD State: SUCCEEDED", "Phase context status code:  Message: ");
        assertThat(progress.phases()).extracting(PhaseRecord::status).containsExactly(Status.SUCCEEDED);
        assertThat(progress.outcome()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aTimeoutEndsTheRunningPhase() {
        events("P BUILD", "C 1");
        clock.advance(Duration.ofMinutes(60));
        PhaseContext timeout = new PhaseContext(PhaseContext.BUILD_TIMED_OUT, "Build has timed out. ");
        progress.interrupt(Status.TIMED_OUT, timeout);
        assertThat(messages()).containsExactly(
                "Entering phase BUILD",
                "Running command make all",
                "Phase complete: BUILD State: TIMED_OUT",
                "Phase context status code: BUILD_TIMED_OUT Message: Build has timed out. ");
        PhaseRecord build = phase(PhaseType.BUILD);
        assertThat(build.status()).isEqualTo(Status.TIMED_OUT);
        assertThat(build.end()).contains(T0.plus(Duration.ofMinutes(60)));
        assertThat(build.contexts()).containsExactly(timeout);
        assertThat(progress.outcome()).isEqualTo(Status.TIMED_OUT);
        // The driver's late end of the phase changes nothing.
        events("E BUILD 0");
        assertThat(phase(PhaseType.BUILD).status()).isEqualTo(Status.TIMED_OUT);
    }

    @Test
    void aTimeoutBetweenPhasesStillTimesTheBuildOut() {
        events("P INSTALL", "E INSTALL 1");
        progress.interrupt(Status.TIMED_OUT, new PhaseContext(PhaseContext.BUILD_TIMED_OUT, "Build has timed out"));
        assertThat(messages()).endsWith("Build TIMED_OUT: Build has timed out");
        assertThat(progress.phases()).extracting(PhaseRecord::status).containsExactly(Status.SUCCEEDED);
        assertThat(progress.outcome()).isEqualTo(Status.TIMED_OUT);
    }

    @Test
    void aStopDuringARetryPauseIsTheOutcome() {
        events("P BUILD", "C 1", "F 1 2", "E BUILD 0");
        progress.interrupt(Status.STOPPED, new PhaseContext(PhaseContext.BUILD_STOPPED, "stopped"));
        assertThat(phase(PhaseType.BUILD).status()).isEqualTo(Status.FAILED);
        assertThat(progress.outcome()).isEqualTo(Status.STOPPED);
    }

    @Test
    void theOutcomeIsTheWorstStatus() {
        List<Status> order = List.of(Status.SUCCEEDED, Status.FAILED, Status.FAULT, Status.TIMED_OUT, Status.STOPPED);
        for (int a = 0; a < order.size(); a++) {
            for (int b = 0; b < order.size(); b++) {
                BuildProgress p = progress(SecretMasker.none());
                p.begin(PhaseType.INSTALL);
                p.end(PhaseType.INSTALL, order.get(a), Optional.empty());
                p.begin(PhaseType.BUILD);
                p.end(PhaseType.BUILD, order.get(b), Optional.empty());
                assertThat(p.outcome()).as("%s then %s", order.get(a), order.get(b))
                        .isEqualTo(order.get(Math.max(a, b)));
            }
        }
    }

    @Test
    void anInterruptBetweenPhasesFoldsWithThePhases() {
        progress.begin(PhaseType.BUILD);
        progress.end(PhaseType.BUILD, Status.FAULT, Optional.empty());
        progress.interrupt(Status.FAILED, new PhaseContext(PhaseContext.CLIENT_ERROR, "x"));
        assertThat(progress.outcome()).isEqualTo(Status.FAULT);
        progress.interrupt(Status.STOPPED, new PhaseContext(PhaseContext.BUILD_STOPPED, "y"));
        assertThat(progress.outcome()).isEqualTo(Status.STOPPED);
    }

    @Test
    void aRunningPhaseDoesNotMakeTheOutcomeWorse() {
        events("P BUILD");
        assertThat(phase(PhaseType.BUILD).status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(phase(PhaseType.BUILD).end()).isEmpty();
        assertThat(progress.outcome()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aRetriedPhaseKeepsItsStartAndEndsWithTheLastAttempt() {
        events("P BUILD", "C 1", "F 1 2", "E BUILD 0");
        clock.advance(Duration.ofSeconds(10));
        events("R BUILD 1", "P BUILD", "C 1");
        clock.advance(Duration.ofSeconds(10));
        events("E BUILD 1");
        assertThat(messages()).containsExactly(
                "Entering phase BUILD",
                "Running command make all",
                "Command did not exit successfully make all exit status 2",
                "Phase complete: BUILD State: FAILED",
                "Phase context status code: COMMAND_EXECUTION_ERROR Message: "
                        + "Error while executing command: make all. Reason: exit status 2",
                "Retrying phase BUILD: attempt 2",
                "Entering phase BUILD",
                "Running command make all",
                "Phase complete: BUILD State: SUCCEEDED",
                "Phase context status code:  Message: ");
        assertThat(progress.phases()).containsExactly(new PhaseRecord(
                PhaseType.BUILD, Status.SUCCEEDED, T0, Optional.of(T0.plusSeconds(20)), List.of()));
        assertThat(progress.outcome()).isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aRetryThatFailsAgainHasTheContextOfTheLastAttempt() {
        events("P BUILD", "C 1", "F 1 2", "E BUILD 0", "R BUILD 1", "P BUILD", "C 1", "C 2", "F 2 5", "E BUILD 0");
        PhaseRecord build = phase(PhaseType.BUILD);
        assertThat(build.status()).isEqualTo(Status.FAILED);
        assertThat(build.start()).isEqualTo(T0);
        assertThat(build.contexts()).extracting(PhaseContext::message)
                .containsExactly("Error while executing command: make test. Reason: exit status 5");
        assertThat(progress.phases()).hasSize(1);
    }

    @Test
    void exportedValuesAreMasked() {
        BuildProgress masked = progress(SecretMasker.of(List.of("hunter2")));
        masked.onExportedValue("TOKEN", "pre-hunter2-post".getBytes(UTF_8));
        masked.onExportedValue("PLAIN", "héllo\n".getBytes(UTF_8));
        masked.onExportedValue("EMPTY", new byte[0]);
        assertThat(masked.exportedVariables()).containsExactly(
                java.util.Map.entry("TOKEN", "pre-***-post"),
                java.util.Map.entry("PLAIN", "héllo\n"),
                java.util.Map.entry("EMPTY", ""));
        assertThat(log.size()).isZero();
    }

    @Test
    void aValueExportedAgainReplacesTheEarlierOne() {
        progress.onExportedValue("A", "1".getBytes(UTF_8));
        progress.onExportedValue("A", "2".getBytes(UTF_8));
        assertThat(progress.exportedVariables()).containsExactly(java.util.Map.entry("A", "2"));
    }

    @Test
    void warningsAreLoggedOnce() {
        events("W vars", "W vars", "W other");
        assertThat(messages()).containsExactly(
                "Warning: some shell variables could not be carried over to the next command (readonly?)",
                "Warning: other");
    }

    @Test
    void doneTellsWhetherToUpload() {
        assertThat(progress.driverDone()).isFalse();
        events("D 1");
        assertThat(progress.driverDone()).isTrue();
        assertThat(progress.uploadRequested()).isTrue();
        BuildProgress other = progress(SecretMasker.none());
        other.onEvent(DriverEvent.parse("D 0").orElseThrow());
        assertThat(other.driverDone()).isTrue();
        assertThat(other.uploadRequested()).isFalse();
    }

    @Test
    void eventsNamingUnknownCommandsOrPhasesAreIgnored() {
        events("C 99", "C -1", "C x", "F 42 1", "P NOT_A_PHASE", "E NOT_A_PHASE 1", "C");
        assertThat(log.size()).isZero();
        assertThat(progress.phases()).isEmpty();
    }

    @Test
    void infoIsAnAgentLine() {
        progress.info("Waiting for agent ping");
        assertThat(messages()).containsExactly("Waiting for agent ping");
    }

    @Test
    void phasesAreTimedByTheDriversClockNotWhenAPollingHostSawThem() {
        progress.begin(PhaseType.DOWNLOAD_SOURCE);
        clock.advance(Duration.ofMillis(400));
        progress.end(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, Optional.empty());
        clock.advance(Duration.ofMillis(100));
        events("T 1000.00"); // the first poll, soon after the start, sees the driver's start
        clock.advance(Duration.ofSeconds(5)); // a later poll sees everything else at once
        events("P INSTALL 1000.10", "E INSTALL 1 1000.30", "P BUILD 1000.30", "E BUILD 0 1003.30",
                "P POST_BUILD 1009.00");
        assertThat(phase(PhaseType.INSTALL).start()).isEqualTo(T0.plusMillis(600));
        assertThat(phase(PhaseType.INSTALL).end()).contains(T0.plusMillis(800));
        assertThat(phase(PhaseType.BUILD).durationInSeconds()).isEqualTo(3);
        assertThat(phase(PhaseType.BUILD).end()).contains(T0.plusMillis(3800));
        assertThat(phase(PhaseType.POST_BUILD).start()).as("never after the host saw it").isEqualTo(T0.plusMillis(5500));

        BuildProgress old = progress(SecretMasker.none());
        clock.advance(Duration.ofSeconds(1));
        old.onEvent(DriverEvent.parse("P INSTALL").orElseThrow());
        assertThat(old.phases().get(0).start()).as("a driver without uptimes: when seen").isEqualTo(T0.plusMillis(6500));
    }

    @Test
    void aPhaseIsNeverTimedBeforeWhatIsAlreadyRecorded() {
        events("T 50.00");
        clock.advance(Duration.ofSeconds(2));
        events("P INSTALL 51.00", "E INSTALL 1 49.00");
        assertThat(phase(PhaseType.INSTALL).end()).contains(T0.plusSeconds(1));
    }

    @Test
    void aStepIsRecordedWithItsTimesInsideThePhaseThatRuns() {
        events("P BUILD");
        long start = progress.clockMillis();
        clock.advance(Duration.ofMillis(2500));
        progress.step(StepRecord.Name.CACHE_RESTORE, start, Status.SUCCEEDED);
        events("E BUILD 1");
        long reports = progress.clockMillis();
        clock.advance(Duration.ofMillis(700));
        progress.step(StepRecord.Name.REPORTS, reports, Status.FAILED);

        assertThat(progress.steps()).containsExactly(
                new StepRecord(StepRecord.Name.CACHE_RESTORE, Optional.of(PhaseType.BUILD), T0, T0.plusMillis(2500),
                        Status.SUCCEEDED),
                new StepRecord(StepRecord.Name.REPORTS, Optional.empty(), T0.plusMillis(2500), T0.plusMillis(3200),
                        Status.FAILED));
        assertThat(progress.steps().get(0).durationInMillis()).isEqualTo(2500);
        assertThat(progress.outcome()).as("a step never decides the build").isEqualTo(Status.SUCCEEDED);
    }

    @Test
    void aReplayedJournalRebuildsThePhasesWithoutLoggingAndWithoutSecrets() throws Exception {
        BuildProgress live = progress(SecretMasker.of(java.util.Set.of("hunter22")));
        live.begin(PhaseType.DOWNLOAD_SOURCE);
        clock.advance(Duration.ofSeconds(1));
        live.end(PhaseType.DOWNLOAD_SOURCE, Status.SUCCEEDED, Optional.empty());
        for (String e : List.of("P INSTALL", "C 0", "E INSTALL 1", "P BUILD", "C 1", "F 1 2")) {
            clock.advance(Duration.ofSeconds(2));
            live.onEvent(DriverEvent.parse(e).orElseThrow());
        }
        long cacheStart = live.clockMillis();
        clock.advance(Duration.ofMillis(1500));
        live.step(StepRecord.Name.CACHE_RESTORE, cacheStart, Status.SUCCEEDED);
        live.onExportedValue("OUT", "value hunter22".getBytes(UTF_8));
        clock.advance(Duration.ofSeconds(3));
        live.interrupt(Status.TIMED_OUT, new PhaseContext(PhaseContext.BUILD_TIMED_OUT, "timed out with hunter22"));

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(live.journal());
        }
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("hunter22");
        ProgressJournal saved;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            saved = (ProgressJournal) in.readObject();
        }
        ByteArrayOutputStream replayLog = new ByteArrayOutputStream();
        dev.codebuildspec.log.SettableClock replayClock = new dev.codebuildspec.log.SettableClock(Clock.systemUTC());
        BuildProgress resumed = new BuildProgress(new LogSink(replayLog, replayClock),
                CommandIndex.of(new BuildspecParser().parse(YAML, "buildspec.yml").buildspec().orElseThrow()),
                SecretMasker.of(java.util.Set.of("hunter22")), saved);
        int entries = saved.size();
        resumed.replay(replayClock);

        assertThat(resumed.phases()).isEqualTo(live.phases());
        assertThat(resumed.steps()).isEqualTo(live.steps()).hasSize(1);
        assertThat(resumed.outcome()).isEqualTo(Status.TIMED_OUT);
        assertThat(resumed.exportedVariables()).containsExactly(java.util.Map.entry("OUT", "value ***"));
        assertThat(resumed.phases()).filteredOn(p -> p.type() == PhaseType.BUILD).singleElement()
                .satisfies(p -> assertThat(p.contexts().get(0).message()).isEqualTo("timed out with ***"));
        assertThat(saved.size()).as("a replay records nothing again").isEqualTo(entries);
        // The journal replays at the recorded times: the same log but for command lines, which it does not keep
        // (a resuming host sends the replay's log nowhere).
        assertThat(replayLog.toString(UTF_8).lines().toList()).isEqualTo(
                log.toString(UTF_8).lines().filter(l -> !l.contains("Running command")).toList());
    }
}
