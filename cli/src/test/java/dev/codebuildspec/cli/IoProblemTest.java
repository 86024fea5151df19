package dev.codebuildspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoProblemTest {
    @TempDir
    Path tmp;

    private String problemReading(Path p) {
        try {
            Files.readAllBytes(p);
            return "read";
        } catch (IOException e) {
            return IoProblem.describe(p, e);
        }
    }

    @Test
    void thePathOnceThenWhatIsWrong() {
        Path missing = tmp.resolve("nope.json");
        assertThat(problemReading(missing)).isEqualTo(missing + ": no such file or directory");
        assertThat(problemReading(tmp)).isEqualTo(tmp + ": is a directory");
    }
}
