package dev.codebuildspec.cli.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The driver's end line is taken out of the output wherever the writes split it; look-alikes pass through whole. */
class ExitLineTest {
    private static final String PREFIX = "\u001eCBS-feed EXIT ";

    @Test
    void theLineGivesTheStatusAndWhatFollowsItIsDroppedHoweverTheWritesSplitIt() throws Exception {
        String stream = "out\n\u001eCBS-0000 P BUILD\n\u001eCBS-fee\u001eCBS-feed EXIT x\n" + PREFIX + "42\nlate\n";
        for (int chunk = 1; chunk <= stream.length(); chunk++) {
            ByteArrayOutputStream to = new ByteArrayOutputStream();
            ExitLine line = new ExitLine(to, PREFIX);
            byte[] b = stream.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < b.length; i += chunk) {
                line.write(b, i, Math.min(chunk, b.length - i));
            }
            assertThat(to.toString(StandardCharsets.UTF_8)).as("chunk " + chunk)
                    .isEqualTo("out\n\u001eCBS-0000 P BUILD\n\u001eCBS-fee\u001eCBS-feed EXIT x\n");
            assertThat(line.status()).hasValue(42);
        }
    }

    @Test
    void withoutTheLineNothingIsHeldBackButABeginningOfIt() throws Exception {
        ByteArrayOutputStream to = new ByteArrayOutputStream();
        ExitLine line = new ExitLine(to, PREFIX);
        line.write("a\u001eCBS-fe".getBytes(StandardCharsets.UTF_8));
        assertThat(to.toString(StandardCharsets.UTF_8)).isEqualTo("a");
        line.write("X".getBytes(StandardCharsets.UTF_8));
        assertThat(to.toString(StandardCharsets.UTF_8)).isEqualTo("a\u001eCBS-feX");
        assertThat(line.status()).isEmpty();
    }
}
