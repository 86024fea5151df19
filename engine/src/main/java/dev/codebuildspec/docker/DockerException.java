package dev.codebuildspec.docker;

/** A docker command failed or did not answer in time. The message is meant for the user. */
public class DockerException extends Exception {
    public DockerException(String message) {
        super(message);
    }

    public DockerException(String message, Throwable cause) {
        super(message, cause);
    }
}
