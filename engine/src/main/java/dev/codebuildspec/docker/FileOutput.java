package dev.codebuildspec.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's output that goes into a file. Given as a {@link ProcessRequest}'s stdout, {@link LocalProcessLauncher}
 * hands the file to the process itself: half a gigabyte of cache archive then does not pass through a pipe and this
 * JVM (0.8 s of CPU on a 2-core machine, bench P10/save). Any other launcher writes it through this stream, which
 * opens the file on its first write.
 */
public final class FileOutput extends OutputStream {
    private final Path file;
    private OutputStream out;

    public FileOutput(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    @Override
    public void write(int b) throws IOException {
        open().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        open().write(b, off, len);
    }

    private OutputStream open() throws IOException {
        if (out == null) {
            out = Files.newOutputStream(file);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
