package com.propertyquality.review.marts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * data/README.md's column table of each mart, rendered from the mart's declaration: the README shows exactly what
 * the code declares. Consecutive columns with the same type and meaning share a row ({@code `a`, `b`}).
 * {@link #main} writes the tables into the README in place; a test checks they are unchanged.
 */
public final class MartColumnTables {

    public static final String HEADER = "| column | type | meaning / formula |";

    private MartColumnTables() {
    }

    /** The Markdown table of a mart's columns, header included, one line per row. */
    public static List<String> table(Mart mart) {
        List<String> lines = new ArrayList<>(List.of(HEADER, "| --- | --- | --- |"));
        List<MartColumn> columns = mart.columns().columns();
        for (int i = 0; i < columns.size(); ) {
            MartColumn first = columns.get(i);
            List<String> names = new ArrayList<>();
            int j = i;
            while (j < columns.size() && sameRow(first, columns.get(j))) {
                names.add("`" + columns.get(j).name() + "`");
                j++;
            }
            lines.add("| " + String.join(", ", names) + " | " + type(first) + " | " + first.meaning() + " |");
            i = j;
        }
        return lines;
    }

    /** The logical type, as {@code marts} and the query views show it, and whether it is never null. */
    public static String type(MartColumn column) {
        return column.logicalType() + (column.required() ? ", required" : "");
    }

    private static boolean sameRow(MartColumn a, MartColumn b) {
        return a.type().equals(b.type()) && a.required() == b.required() && a.meaning().equals(b.meaning());
    }

    /** The line where a mart's section starts in data/README.md: {@code ### 6.N `name`: ...}, or -1. */
    public static int section(List<String> readme, String mart) {
        Pattern heading = Pattern.compile("^### 6\\.\\d+ `" + Pattern.quote(mart) + "`.*");
        for (int i = 0; i < readme.size(); i++) {
            if (heading.matcher(readme.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** The column table of the section starting at {@code section}: its lines, or empty when it has none. */
    public static List<String> tableAt(List<String> readme, int section) {
        int start = tableStart(readme, section);
        if (start < 0) {
            return List.of();
        }
        int end = start;
        while (end < readme.size() && readme.get(end).startsWith("|")) {
            end++;
        }
        return readme.subList(start, end);
    }

    private static int tableStart(List<String> readme, int section) {
        for (int i = section + 1; i < readme.size() && !readme.get(i).startsWith("#"); i++) {
            if (readme.get(i).startsWith("| column | type |")) {
                return i;
            }
        }
        return -1;
    }

    /** Writes every mart's table into the README given (data/README.md), replacing the table in its section. */
    public static void main(String[] args) throws IOException {
        Path path = Path.of(args.length > 0 ? args[0] : "data/README.md");
        List<String> readme = new ArrayList<>(Files.readAllLines(path, StandardCharsets.UTF_8));
        for (Mart mart : Marts.all()) {
            int section = section(readme, mart.name());
            int start = section < 0 ? -1 : tableStart(readme, section);
            if (start < 0) {
                throw new IllegalStateException("data/README.md has no column table for mart " + mart.name());
            }
            int end = start + tableAt(readme, section).size();
            readme.subList(start, end).clear();
            readme.addAll(start, table(mart));
        }
        Files.write(path, readme, StandardCharsets.UTF_8);
    }
}
