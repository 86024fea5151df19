package dev.codebuildspec.cli.host;

import dev.codebuildspec.batch.SourceCopy;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The temp directory holding a batch's source copies, named after the process that owns it
 * ({@code codebuild-spec-batch-<pid>_<start millis>-<random>}), so that the copies of a killed
 * batch can be found and removed by {@code gc} or the next batch, never those of a live one.
 */
public final class BatchSources {
    private static final String PREFIX = "codebuild-spec-batch-";

    private BatchSources() {
    }

    static Path create(Path tmp) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        return Files.createTempDirectory(tmp, PREFIX + self.pid() + "_" + start + "-");
    }

    /** Removes the source copies of batches whose process is gone; returns what it removed. */
    public static List<Path> reap(Path tmp, String host) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(tmp)) {
            return removed;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path d : dirs) {
                String rest = d.getFileName().toString().substring(PREFIX.length());
                int dash = rest.indexOf('-');
                String[] owner = (dash > 0 ? rest.substring(0, dash) : "").split("_");
                if (owner.length == 2 && CliOwner.isGone("cli:" + host + ":" + owner[0] + ":" + owner[1], host)) {
                    SourceCopy.delete(d);
                    removed.add(d);
                }
            }
        }
        return removed;
    }
}
