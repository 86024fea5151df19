package dev.codebuildspec.docker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's input read from a file. Given as a {@link ProcessRequest}'s stdin, {@link LocalProcessLauncher} hands
 * the file to the process itself, so a cache archive being restored does not pass through this JVM; any other
 * launcher reads it through this stream, which opens the file on its first read.
 */
public final class FileInput extends InputStream {
    private final Path file;
    private InputStream in;

    public FileInput(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    @Override
    public int read() throws IOException {
        return open().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return open().read(b, off, len);
    }

    private InputStream open() throws IOException {
        if (in == null) {
            in = Files.newInputStream(file);
        }
        return in;
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
