package dev.codebuildspec.artifacts;

/**
 * What {@link ArtifactCopier} wrote.
 *
 * @param entries files and links written
 * @param bytes bytes of regular-file content written
 */
public record CopyResult(int entries, long bytes) {
}
