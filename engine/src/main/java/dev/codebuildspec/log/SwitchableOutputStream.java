package dev.codebuildspec.log;

import java.io.IOException;
import java.io.OutputStream;

/** Writes to one stream, then to another: nowhere while a journal is replayed, then to the console. */
public final class SwitchableOutputStream extends OutputStream {
    private volatile OutputStream target;

    public SwitchableOutputStream(OutputStream target) {
        this.target = target;
    }

    public void switchTo(OutputStream next) {
        target = next;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
