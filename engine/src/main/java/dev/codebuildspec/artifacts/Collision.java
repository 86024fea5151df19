package dev.codebuildspec.artifacts;

/** Two different sources that would land on one archive path: an error, never a silent overwrite. */
public record Collision(String archivePath, String firstSource, String secondSource) {
    public String message() {
        return "two files have the archive path " + archivePath + ": " + firstSource + " and " + secondSource;
    }
}
