package dev.codebuildspec.artifacts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Which files under a source root a set of CodeBuild path patterns selects. Shared by artifacts, reports
 * and cache.
 *
 * @param root the source root ({@code CODEBUILD_SRC_DIR} on the host); nothing outside its real path is
 *     ever collected
 * @param baseDirectory already shell-evaluated, relative to the root; may be a glob selecting several
 *     directories ({@code my-build*}), whose contents (not the directories themselves) are collected;
 *     "" or {@code .} for the root itself
 * @param includes patterns relative to each base directory; a literal pattern naming a directory selects
 *     its files recursively
 * @param excludes patterns relative to each base directory; a literal one naming a directory drops its
 *     whole subtree, the same rule as for includes
 * @param discardPaths archive paths are bare file names
 * @param enableSymlinks selected symbolic links inside the tree are kept as links instead of followed
 */
public record FileSelection(
        Path root,
        String baseDirectory,
        List<String> includes,
        List<String> excludes,
        boolean discardPaths,
        boolean enableSymlinks) {

    public FileSelection {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /**
     * Walks the tree once.
     *
     * @throws IOException only when the root itself is missing or unreadable; everything below is reported
     *     in the {@link Selection}
     */
    public Selection select() throws IOException {
        return new TreeWalk(this).run();
    }
}
