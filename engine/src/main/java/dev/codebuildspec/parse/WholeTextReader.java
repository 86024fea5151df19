package dev.codebuildspec.parse;

import java.io.Reader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over a text that is already in memory, decoded once into code points.
 *
 * <p>Why not SnakeYAML's own {@link StreamReader}: it reads 1024 chars at a time and copies its
 * whole window from the scanner's position on every read, so a scanner that looks ahead over one
 * long token (a plain scalar, a comment) copies that token again and again: quadratic, 0.5 MB/s on
 * a 1 Mi-character scalar. It also read past its buffer when a read ended on a high surrogate.
 * Here every look-ahead is an array access. The semantics of each method are those of
 * SnakeYAML 2.3's reader (line and column rules, {@code '\0'} past the end); the caller checks
 * that every code point is printable before scanning ({@link #firstNonPrintable}).
 */
final class WholeTextReader extends StreamReader {
    private final int[] codePoints;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextReader(String text) {
        super(Reader.nullReader());
        this.codePoints = text.codePoints().toArray();
    }

    /** The offset in chars of the first code point YAML does not allow, or -1. */
    static int firstNonPrintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    @Override
    public Mark getMark() {
        return new Mark("'reader'", index, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < codePoints.length; i++) {
            int c = codePoints[pointer++];
            index++;
            documentIndex++;
            if (Constant.LINEBR.has(c) || (c == '\r' && pointer < codePoints.length && codePoints[pointer] != '\n')) {
                line++;
                column = 0;
            } else if (c != 0xFEFF) {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int offset) {
        int at = pointer + offset;
        return at < codePoints.length ? codePoints[at] : '\0';
    }

    @Override
    public String prefix(int length) {
        return new String(codePoints, pointer, Math.max(0, Math.min(length, codePoints.length - pointer)));
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }
}
