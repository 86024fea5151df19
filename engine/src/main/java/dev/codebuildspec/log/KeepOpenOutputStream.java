package dev.codebuildspec.log;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Flushes instead of closing: the console belongs to the caller (a terminal, a Jenkins log). */
public final class KeepOpenOutputStream extends FilterOutputStream {
    public KeepOpenOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
