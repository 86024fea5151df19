package dev.codebuildspec.log;

import dev.codebuildspec.mask.MaskingOutputStream;
import dev.codebuildspec.mask.SecretMasker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The build log: command output byte for byte, and CodeBuild's agent lines
 * ({@code [Container] 2024/01/31 12:00:00.123456 Entering phase BUILD}) always on a line of their own.
 * Secrets are masked in what the build prints and in the variable parts of agent lines (a command, a message), never
 * in the fixed words: a one-character secret must not turn {@code [Container]} into {@code [Con***ainer]}.
 */
public final class LogSink {

    private final OutputStream raw;
    private final SecretMasker masker;
    private final MaskingOutputStream output;
    private final Clock clock;
    private boolean atLineStart = true;

    /** A log that masks nothing (its writer masks, or there are no secrets). */
    public LogSink(OutputStream out, Clock clock) {
        this(out, SecretMasker.none(), clock);
    }

    public LogSink(OutputStream out, SecretMasker masker, Clock clock) {
        this.raw = out;
        this.masker = masker;
        this.output = masker.wrap(out);
        this.clock = clock;
    }

    /** What the build printed: masked as a stream, byte for byte otherwise. */
    public synchronized void output(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        try {
            output.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        atLineStart = b[off + len - 1] == '\n';
    }

    /** An agent line of fixed words only (phase names, counts and statuses are ours). */
    public synchronized void agent(String message) {
        agent(message, "");
    }

    /** An agent line: {@code fixed}, then {@code variable} (a command, a path, a message), which is masked. */
    public synchronized void agent(String fixed, String variable) {
        String message = fixed + masker.mask(variable);
        StringBuilder line = new StringBuilder(message.length() + 40);
        if (!atLineStart) {
            line.append('\n');
        }
        LogTime.append(line.append("[Container] "), clock.instant()).append(' ').append(message).append('\n');
        byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
        try {
            output.release(); // the build's output so far comes first, and whole
            raw.write(b, 0, b.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        atLineStart = true;
    }

    public synchronized void flush() {
        try {
            output.flush();
            raw.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The end of the log: whatever the masker still held is written. */
    public synchronized void finish() {
        try {
            output.release();
            raw.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Clock clock() {
        return clock;
    }

}
