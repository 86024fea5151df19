package dev.codebuildspec.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.codebuildspec.record.PhaseRecord;
import dev.codebuildspec.record.PhaseType;
import dev.codebuildspec.record.Status;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated driver, run by each shell a build image may have, with CodeBuild's semantics. */
class DriverScriptShellTest {
    @TempDir
    Path tmp;

    private HostDriver.Run run(String shell, String yaml) throws Exception {
        assumeTrue(HostDriver.available(shell), shell + " is not installed");
        return new HostDriver(tmp).run(shell, yaml);
    }

    private static Map<PhaseType, Status> statuses(HostDriver.Run r) {
        Map<PhaseType, Status> m = new LinkedHashMap<>();
        for (PhaseRecord p : r.progress().phases()) {
            m.put(p.type(), p.status());
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void version02CarriesDirectoryAndVariablesAcrossCommandsAndPhases(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.2
                phases:
                  install:
                    commands:
                      - mkdir -p sub/dir && cd sub
                      - PLAIN="a b"; export EXPORTED='x'"'"'y'; MULTI='line1
                        line2'
                  build:
                    commands:
                      - cd dir; echo "pwd=${PWD##*/} plain=$PLAIN exported=$EXPORTED"
                      - printf '%s|' "$MULTI"; echo; sh -c 'echo "child sees EXPORTED=$EXPORTED PLAIN=$PLAIN"'
                """);
        assertThat(r.output()).containsExactly("pwd=dir plain=a b exported=x'y", "line1 line2|",
                "child sees EXPORTED=x'y PLAIN=");
        assertThat(r.progress().outcome()).isEqualTo(Status.SUCCEEDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void phaseEventsCarryTheKernelsUptimeSoThatAPollingHostTimesPhasesAsTheyRan(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.2
                phases:
                  install:
                    commands:
                      - 'true'
                  build:
                    commands:
                      - sleep 1
                """);
        DriverEvent start = r.events().get(0);
        assertThat(start.type()).as("the driver's first event").isEqualTo(DriverEvent.Type.TIME);
        assertThat(DriverEvent.centiseconds(start.arg(0))).as(start.toString()).isPresent();
        Map<String, Long> at = new LinkedHashMap<>();
        for (DriverEvent e : r.events()) {
            if (e.type() == DriverEvent.Type.PHASE_START || e.type() == DriverEvent.Type.PHASE_END) {
                String uptime = e.type() == DriverEvent.Type.PHASE_START ? e.arg(1) : e.arg(2);
                at.put(e.type().code() + " " + e.arg(0), DriverEvent.centiseconds(uptime)
                        .orElseThrow(() -> new AssertionError("no uptime in " + e)));
            }
        }
        assertThat(at.keySet()).containsSubsequence("P INSTALL", "E INSTALL", "P BUILD", "E BUILD");
        assertThat(at.get("E BUILD") - at.get("P BUILD")).as("BUILD's sleep, in 1/100 s").isBetween(100L, 1000L);
        assertThat(at.get("P INSTALL")).isGreaterThanOrEqualTo(DriverEvent.centiseconds(start.arg(0)).getAsLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void version01RunsEachCommandInAFreshShellInTheSourceDirectory(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.1
                phases:
                  build:
                    commands:
                      - cd /; A=1; export B=2
                      - echo "dir=${PWD##*/} A=$A B=$B"
                """);
        assertThat(r.output()).containsExactly("dir=src A= B=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void exitFailsOnlyItsCommandAndFinallyStillRuns(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.2
                phases:
                  build:
                    commands:
                      - V=before
                      - exit 3
                      - echo skipped
                    finally:
                      - echo "finally V=$V"
                  post_build:
                    commands:
                      - echo "post succeeding=$CODEBUILD_BUILD_SUCCEEDING"
                """);
        assertThat(r.output()).containsExactly("finally V=before", "post succeeding=0");
        assertThat(statuses(r)).containsEntry(PhaseType.BUILD, Status.FAILED)
                .containsEntry(PhaseType.POST_BUILD, Status.SUCCEEDED);
        assertThat(r.log()).contains("Command did not exit successfully exit 3 exit status 3");
        assertThat(r.progress().uploadRequested()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void setEInsideABlockStopsTheBlockAndFailsTheCommand(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.2
                phases:
                  build:
                    commands:
                      - |
                        set -e
                        echo one
                        false
                        echo never
                      - echo "not reached"
                """);
        assertThat(r.output()).containsExactly("one");
        assertThat(statuses(r)).containsEntry(PhaseType.BUILD, Status.FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void failedInstallSkipsEverythingAfter(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.2
                phases:
                  install:
                    commands:
                      - "false"
                  build:
                    commands:
                      - echo never
                """);
        assertThat(statuses(r)).containsOnlyKeys(PhaseType.INSTALL);
        assertThat(r.progress().uploadRequested()).isFalse();
        assertThat(r.progress().driverDone()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void retryWithRegexRetriesOnlyMatchingFailures(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.2
                phases:
                  build:
                    on-failure: RETRY-2-exit status 7
                    commands:
                      - N=$(( ${N:-0} + 1 )); echo "attempt $N"; [ "$N" -ge 3 ] || exit 7
                  post_build:
                    on-failure: RETRY-exit status 7
                    commands:
                      - echo post; exit 3
                """);
        assertThat(r.output()).containsExactly("attempt 1", "attempt 2", "attempt 3", "post");
        assertThat(statuses(r)).containsEntry(PhaseType.BUILD, Status.SUCCEEDED)
                .containsEntry(PhaseType.POST_BUILD, Status.FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void exportedVariablesReachTheHostByteForByte(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.2
                env:
                  exported-variables: [SPACES, LINES, UNICODE, EMPTY, UNSET]
                phases:
                  build:
                    commands:
                      - SPACES=' a  b '; LINES='x
                        y'; UNICODE='żółw 🐢'; EMPTY=
                """);
        assertThat(r.progress().exportedVariables()).containsExactly(
                Map.entry("SPACES", " a  b "), Map.entry("LINES", "x y"),
                Map.entry("UNICODE", "żółw 🐢"), Map.entry("EMPTY", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash", "busybox"})
    void setXInACommandDoesNotTraceTheDriver(String shell) throws Exception {
        HostDriver.Run r = run(shell, """
                version: 0.2
                phases:
                  build:
                    commands:
                      - set -x; true
                      - echo next
                """);
        assertThat(r.output()).noneMatch(l -> l.contains("__cbs"));
        assertThat(r.output()).contains("next");
    }
}
