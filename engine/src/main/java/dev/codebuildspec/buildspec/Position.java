package dev.codebuildspec.buildspec;

/** A place in the buildspec source, 1-based like every editor shows it. */
public record Position(int line, int column) implements java.io.Serializable {
    public static final Position UNKNOWN = new Position(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
