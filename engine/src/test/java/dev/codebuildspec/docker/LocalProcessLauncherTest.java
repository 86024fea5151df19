package dev.codebuildspec.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

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
}
