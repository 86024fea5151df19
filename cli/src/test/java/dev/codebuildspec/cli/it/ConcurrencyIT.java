package dev.codebuildspec.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight builds at once from eight CLI processes (on this 2-core machine), each with its own source:
 * all succeed, each log and artifact set holds only its own output, each workspace sees only its
 * own files, and the start-up reaping of the seven late runs leaves the first, long one alone.
 */
class ConcurrencyIT {
    private static final int LATE = 7;

    @TempDir
    Path tmp;

    /** The long build waits for the test to release it (never for a time: a loaded machine may take any). */
    private static final String WAIT_FOR_RELEASE =
            "n=0; while [ ! -e release ] && [ $n -lt 1500 ]; do sleep 0.2; n=$((n + 1)); done";

    private static String buildspec(String id, String wait) {
        return """
                version: 0.2
                phases:
                  build:
                    commands:
                      - touch mine-%1$s && echo "%1$s-ready"
                      - for n in $(seq 1 200); do echo "%1$s line $n"; echo "%1$s err $n" >&2; done
                      - %2$s
                      - echo "%1$s sees $(ls | tr '\\n' ' ')"
                      - mkdir -p out && echo "%1$s" > out/%1$s.txt && echo "%1$s" > out/common.txt
                artifacts:
                  files: ['out/*']
                """.formatted(id, wait);
    }

    private record Run(String id, Workspace ws, Path artifacts, BackgroundCli cli) {
    }

    private Run start(String id, String wait) {
        Workspace ws = new Workspace(tmp.resolve(id)).buildspec(buildspec(id, wait));
        Path artifacts = tmp.resolve(id).resolve("artifacts");
        List<String> cmd = Cli.command("run", "--source", ws.src().toString(), "--image", TestImages.BUSYBOX,
                "--record", ws.record().toString(), "--artifacts", artifacts.toString());
        return new Run(id, ws, artifacts, new BackgroundCli(cmd, tmp, Map.of()));
    }

    @Test
    void eightBuildsAtOnceStayApartAndTheReaperSparesLiveOwners() throws Exception {
        List<Run> runs = new ArrayList<>();
        try {
            Run first = start("long0", WAIT_FOR_RELEASE);
            runs.add(first);
            first.cli().awaitOutput("long0-ready", Duration.ofSeconds(60));
            String owner = Docker.owners().stream().filter(o -> o.matches("cli:[^:]*:" + first.cli().pid() + ":\\d+"))
                    .findFirst().orElseThrow();
            List<String> longContainer = Docker.containers(Docker.OWNER, owner);
            assertThat(longContainer).hasSize(1);

            for (int i = 1; i <= LATE; i++) {
                runs.add(start("late" + i, "sleep 1"));
            }
            for (Run r : runs.subList(1, runs.size())) {
                int exit = r.cli().awaitExit(Duration.ofMinutes(3));
                assertThat(exit).as(r.id() + "\n" + r.cli().output()).isZero();
            }
            assertThat(first.cli().isAlive()).as("the long build outlived the seven others").isTrue();
            assertThat(Docker.containers(Docker.OWNER, owner)).as("no late run reaped the live one's container")
                    .isEqualTo(longContainer);
            Files.writeString(first.ws().src().resolve("release"), "");
            int exit = first.cli().awaitExit(Duration.ofMinutes(2));
            assertThat(exit).as(first.cli().output()).isZero();

            for (Run r : runs) {
                String out = r.cli().output();
                String json = Files.readString(r.ws().record());
                assertThat(JsonParser.parseString(json).getAsJsonObject().get("buildStatus").getAsString())
                        .isEqualTo("SUCCEEDED");
                assertThat(out).contains(r.id() + " line 200", r.id() + " err 200",
                        r.id() + " sees buildspec.yml mine-" + r.id() + " ");
                for (Run other : runs) {
                    if (other != r) {
                        assertThat(out).as("cross-talk in " + r.id()).doesNotContain(other.id() + " ", other.id() + "-");
                    }
                }
                try (Stream<Path> files = Files.list(r.artifacts().resolve("out"))) {
                    assertThat(files.map(p -> p.getFileName().toString()).sorted())
                            .containsExactlyInAnyOrder(r.id() + ".txt", "common.txt");
                }
                assertThat(Files.readString(r.artifacts().resolve("out/common.txt"))).isEqualTo(r.id() + "\n");
                String buildId = JsonParser.parseString(json).getAsJsonObject().get("id").getAsString();
                assertThat(Docker.containers(Docker.BUILD_ID, buildId)).as(r.id() + " left a container").isEmpty();
            }
        } finally {
            runs.forEach(r -> r.cli().close());
        }
    }
}
