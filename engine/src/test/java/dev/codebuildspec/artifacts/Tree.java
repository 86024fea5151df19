package dev.codebuildspec.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds real files, directories and symbolic links under a temporary directory. */
final class Tree {
    final Path root;

    Tree(Path root) {
        this.root = root;
    }

    Tree file(String path) {
        return file(path, "content of " + path);
    }

    Tree file(String path, String content) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Tree dir(String path) {
        try {
            Files.createDirectories(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A symbolic link at {@code path} whose text is exactly {@code target}. */
    Tree link(String path, String target) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
