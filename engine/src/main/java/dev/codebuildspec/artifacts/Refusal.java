package dev.codebuildspec.artifacts;

/**
 * Something a pattern asked for that is not collected, and why. Refusals are reported, not errors.
 *
 * @param path the pattern, base directory or path relative to the source root
 * @param reason e.g. {@code symbolic link to a file outside the source tree}
 */
public record Refusal(String path, String reason) {
    /** The log line: {@code refused <path>: <reason>}. */
    @Override
    public String toString() {
        return "refused " + path + ": " + reason;
    }
}
