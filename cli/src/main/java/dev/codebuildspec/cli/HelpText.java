package dev.codebuildspec.cli;

import java.util.List;

/** Help's layout: text wrapped to 80 columns, and two-column tables whose second column wraps under itself. */
final class HelpText {
    static final int WIDTH = 80;

    private HelpText() {
    }

    /** Rows of {left, right}: the right column starts after the widest left one (at most 28 columns). */
    static String table(List<String[]> rows) {
        int column = 0;
        for (String[] row : rows) {
            column = Math.max(column, row[0].length() + 2);
        }
        column = Math.min(column, 28);
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            out.append(row[0]);
            if (row[0].length() + 2 > column) {
                out.append('\n').append(" ".repeat(column));
            } else {
                out.append(" ".repeat(column - row[0].length()));
            }
            out.append(wrap(row[1], column, column + 2));
        }
        return out.toString();
    }

    /**
     * The words of {@code text} in lines of at most {@link #WIDTH} columns; the first line continues at column
     * {@code first} (its indent already written), the others are indented by {@code rest}. Ends with a newline.
     */
    static String wrap(String text, int first, int rest) {
        StringBuilder out = new StringBuilder();
        int col = first;
        boolean lineStart = true;
        for (String word : text.split(" +")) {
            if (!lineStart && col + 1 + word.length() > WIDTH) {
                out.append('\n').append(" ".repeat(rest));
                col = rest;
                lineStart = true;
            }
            if (!lineStart) {
                out.append(' ');
                col++;
            }
            out.append(word);
            col += word.length();
            lineStart = false;
        }
        return out.append('\n').toString();
    }
}
