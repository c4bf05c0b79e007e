package com.propertyquality.review.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table for the terminal, its columns padded by display width: a Chinese office name (甲管理处) takes two columns
 * per character in a terminal, not one per char as {@code %-24s} counts, so padding by length shifts every column
 * after it. East Asian Wide and Fullwidth characters count 2, combining marks and zero-width characters 0.
 */
final class TerminalTable {

    private static final String GAP = "  ";

    private final List<String> header;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column headings; every column is left-aligned until {@link #alignRight} says otherwise. */
    TerminalTable(String... header) {
        this.header = List.of(header);
        this.right = new boolean[header.length];
    }

    /** Aligns these columns (0-based) to the right, as numbers are. */
    TerminalTable alignRight(int... columns) {
        for (int column : columns) {
            right[column] = true;
        }
        return this;
    }

    /** A row; a null cell prints empty. */
    TerminalTable add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells in a table of " + header.size()
                    + " columns");
        }
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "" : String.valueOf(cell)).toList());
        return this;
    }

    /** The header line and the rows, each line starting with the indent, trailing spaces removed. */
    List<String> lines(String indent) {
        int[] widths = new int[header.size()];
        for (List<String> row : allRows()) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : allRows()) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    line.append(GAP);
                }
                String cell = row.get(c);
                String padding = " ".repeat(widths[c] - width(cell));
                line.append(right[c] ? padding + cell : cell + padding);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    void print(PrintWriter out) {
        print(out, "");
    }

    void print(PrintWriter out, String indent) {
        lines(indent).forEach(out::println);
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(header);
        all.addAll(rows);
        return all;
    }

    /** The columns a terminal gives the text. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += width(codePoint);
            i += Character.charCount(codePoint);
        }
        return width;
    }

    /** 0 for combining marks, zero-width and control characters, 2 for East Asian Wide and Fullwidth, else 1. */
    static int width(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.CONTROL
                || type == Character.FORMAT && codePoint != 0x00AD) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /** East Asian Width W or F (Unicode UAX #11): Hangul Jamo, CJK, kana, Hangul, fullwidth forms, emoji. */
    private static boolean isWide(int c) {
        return c >= 0x1100 && c <= 0x115F
                || c == 0x2329 || c == 0x232A
                || c >= 0x231A && c <= 0x231B
                || c >= 0x23E9 && c <= 0x23EC
                || c >= 0x25FD && c <= 0x25FE
                || c >= 0x2614 && c <= 0x2615
                || c >= 0x2E80 && c <= 0x303E
                || c >= 0x3041 && c <= 0x33FF
                || c >= 0x3400 && c <= 0x4DBF
                || c >= 0x4E00 && c <= 0x9FFF
                || c >= 0xA000 && c <= 0xA4CF
                || c >= 0xA960 && c <= 0xA97F
                || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF
                || c >= 0xFE10 && c <= 0xFE19
                || c >= 0xFE30 && c <= 0xFE6F
                || c >= 0xFF00 && c <= 0xFF60
                || c >= 0xFFE0 && c <= 0xFFE6
                || c >= 0x1F300 && c <= 0x1F64F
                || c >= 0x1F900 && c <= 0x1F9FF
                || c >= 0x20000 && c <= 0x2FFFD
                || c >= 0x30000 && c <= 0x3FFFD;
    }
}
