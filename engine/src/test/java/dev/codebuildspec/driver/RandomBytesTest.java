package dev.codebuildspec.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomBytesTest {
    @Test
    void uuidsAreRandomVersionFourInIetfLayoutAndDoNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            UUID u = RandomBytes.uuid();
            assertThat(u.version()).isEqualTo(4);
            assertThat(u.variant()).isEqualTo(2);
            assertThat(UUID.fromString(u.toString())).isEqualTo(u);
            seen.add(u);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void bytesComeInTheNumberAskedAndDiffer() {
        assertThat(RandomBytes.of(32)).hasSize(32).isNotEqualTo(RandomBytes.of(32));
    }
}
