package io.jenkins.plugins.codebuildspec.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SpecOutputsTest {
    @Test
    void pathsStayInsideTheSource() {
        assertEquals("target", SpecOutputs.relative("./target/"));
        assertEquals("", SpecOutputs.relative(""));
        assertThrows(IllegalArgumentException.class, () -> SpecOutputs.relative("../x"));
        assertThrows(IllegalArgumentException.class, () -> SpecOutputs.relative("/etc"));
        assertThrows(IllegalArgumentException.class, () -> SpecOutputs.relative("a/../../b"));
    }

    @Test
    void globs() {
        assertEquals("dist/**", SpecOutputs.glob("dist/"));
        assertEquals("**/*", SpecOutputs.glob("**/*"));
        assertEquals("a/*.jar", SpecOutputs.glob("./a/*.jar"));
    }
}
