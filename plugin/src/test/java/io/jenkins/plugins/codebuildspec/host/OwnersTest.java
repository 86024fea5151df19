package io.jenkins.plugins.codebuildspec.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnersTest {
    @Test
    void roundTripAndOtherOwnersIgnored() {
        String owner = Owners.of("abc123", "folder/job name#42");
        assertEquals(Optional.of("folder/job name#42"), Owners.runOf(owner, "abc123"));
        assertTrue(Owners.runOf(owner, "other").isEmpty());
        assertTrue(Owners.runOf("cli:host:1:2", "abc123").isEmpty());
        assertTrue(Owners.runOf("jenkins:abc123:%%%", "abc123").isEmpty());
        assertTrue(owner.matches("[A-Za-z0-9:_-]+"), "label values stay plain");
    }
}
