package dev.codebuildspec.batch;

import dev.codebuildspec.run.BuildHost;
import java.io.IOException;
import java.io.OutputStream;
import dev.codebuildspec.parse.BuildspecText;
import java.nio.file.Path;
import java.util.Optional;

/** What a host gives each child of a polled batch ({@link BatchMachine}): its source, its host, its log. */
public interface ChildHosts {

    /** A private copy of the parent's source for {@code child}, made where the source is; returns its path there. */
    Path copySource(ChildBuild child) throws IOException, InterruptedException;

    /** Removes a copy {@link #copySource} made, once its child has ended. */
    void deleteSource(Path copy) throws IOException, InterruptedException;

    /**
     * The child's own buildspec ({@code path} in its source copy), read where the source is; empty when the machine
     * that parses it has the source on its own disk (the CLI).
     */
    default Optional<BuildspecText> buildspec(Path source, String path) throws IOException, InterruptedException {
        return Optional.empty();
    }

    /** The host {@code child} runs on, over its source copy; its artifacts go under {@code <identifier>/}. */
    BuildHost host(ChildBuild child, Path source);

    /**
     * The child's log: its lines on the shared console (prefixed) and its whole log kept apart.
     *
     * @param again the child's log was opened before this host was made (a resume): append to it
     */
    OutputStream log(ChildBuild child, boolean again) throws IOException;
}
