package dev.codebuildspec.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The build log: command output byte for byte, and CodeBuild's agent lines
 * ({@code [Container] 2024/01/31 12:00:00.123456 Entering phase BUILD}) always on a line of their own.
 * The downstream stream is expected to mask secrets; everything written here goes through it.
 */
public final class LogSink {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final OutputStream out;
    private final Clock clock;
    private boolean atLineStart = true;

    public LogSink(OutputStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public synchronized void output(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        write(b, off, len);
        atLineStart = b[off + len - 1] == '\n';
    }

    public synchronized void agent(String message) {
        StringBuilder line = new StringBuilder(message.length() + 40);
        if (!atLineStart) {
            line.append('\n');
        }
        line.append("[Container] ").append(TIME.format(clock.instant())).append(' ').append(message).append('\n');
        byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
        write(b, 0, b.length);
        atLineStart = true;
    }

    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Clock clock() {
        return clock;
    }

    private void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
