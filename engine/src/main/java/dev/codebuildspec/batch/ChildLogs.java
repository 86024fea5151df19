package dev.codebuildspec.batch;

import java.io.IOException;
import java.io.OutputStream;

/** Where each child's log goes; the scheduler opens one stream per child and closes it when the child ends. */
@FunctionalInterface
public interface ChildLogs {
    OutputStream open(ChildBuild child) throws IOException;

    /** Every child on one shared console, each line prefixed with {@code [identifier] }. */
    static ChildLogs prefixed(OutputStream console) {
        return child -> new PrefixingOutputStream(console, child.identifier());
    }
}
