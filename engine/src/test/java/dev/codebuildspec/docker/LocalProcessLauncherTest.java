package dev.codebuildspec.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessLauncherTest {
    /** A console that takes its time, like a busy terminal or a masked, parsed build log. */
    private static final class SlowSink extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            bytes.write(b, off, len);
        }
    }

    @Test
    void aProcessIsNotDoneUntilItsOutputIsDelivered() throws Exception {
        SlowSink sink = new SlowSink();
        RunningProcess p = new LocalProcessLauncher().start(new ProcessRequest(
                List.of("sh", "-c", "echo last-words"), Map.of(), null, sink, OutputStream.nullOutputStream()));

        OptionalInt early = p.waitFor(Duration.ofMillis(100));
        OptionalInt late = p.waitFor(Duration.ofSeconds(60)); // a hang guard: the sink takes 0.3 s

        assertThat(early).as("the process ended, but its output was still being delivered").isEmpty();
        assertThat(late).hasValue(0);
        assertThat(sink.bytes.toString()).isEqualTo("last-words\n");
    }

    @Test
    void aFileGivenAsOutputOrInputIsHandedToTheProcessItself(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        Path out = dir.resolve("out");
        Files.writeString(in, "from the file\n");
        // Not through a pipe and this JVM: the process's own descriptors are the files.
        RunningProcess p = new LocalProcessLauncher().start(new ProcessRequest(
                List.of("sh", "-c", "readlink /proc/self/fd/0 /proc/self/fd/1; cat"), Map.of(), new FileInput(in),
                new FileOutput(out), OutputStream.nullOutputStream()));

        assertThat(p.waitFor(Duration.ofSeconds(60))).hasValue(0);
        assertThat(Files.readString(out)).isEqualTo(in + "\n" + out + "\nfrom the file\n");
    }

    @Test
    void aFileOutputIsWrittenThroughByAnyOtherWriter(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        try (FileOutput o = new FileOutput(out)) {
            assertThat(out).doesNotExist();
            o.write("a".getBytes(StandardCharsets.UTF_8));
            o.write('b');
        }
        assertThat(Files.readString(out)).isEqualTo("ab");
        try (FileInput i = new FileInput(out)) {
            assertThat(new String(i.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ab");
        }
    }
}
