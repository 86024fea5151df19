package dev.codebuildspec.env;

/** A variable could not be resolved; the message names the reference and where it was written. */
public class EnvironmentException extends Exception {
    public EnvironmentException(String message) {
        super(message);
    }
}
