package dev.codebuildspec.record;

import java.util.List;

/** One collected artifact set: its identifier ("" for the primary), where it sits in the archive, its files. */
public record ArtifactRecord(String identifier, String location, List<String> files) implements java.io.Serializable {
    public ArtifactRecord {
        files = List.copyOf(files);
    }
}
