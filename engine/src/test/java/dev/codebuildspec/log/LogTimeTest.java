package dev.codebuildspec.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogTimeTest {
    @Test
    void writesWhatCodeBuildsPatternWritesForAnyInstant() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
            assertThat(LogTime.append(new StringBuilder(), at).toString()).isEqualTo(pattern.format(at));
        }
        assertThat(LogTime.append(new StringBuilder(), Instant.ofEpochSecond(0, 999)).toString())
                .isEqualTo("1970/01/01 00:00:00.000000");
    }
}
