package dev.codebuildspec.artifacts;

/** What an archive entry holds. */
public enum EntryKind {
    /** A regular file's content (reached directly or through a symbolic link inside the tree). */
    FILE,
    /** A symbolic link kept as a link ({@code enable-symlinks: yes}). */
    SYMLINK
}
