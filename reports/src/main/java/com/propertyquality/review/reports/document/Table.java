package com.propertyquality.review.reports.document;

import java.util.List;
import java.util.Objects;

/**
 * A table with a header row that repeats on every page it spans.
 *
 * @param caption   printed above the table, or {@code null}
 * @param columns   the columns
 * @param rows      the rows; each has one cell per column
 * @param emptyText printed instead of the table when there are no rows ("本年度无记录"), or {@code null} to print the
 *                  header only
 * @param note      printed under the table (a legend, the threshold, a formula), or {@code null}
 * @param dataOnly  written only as a data sheet of the XLSX ({@code DataSheets}); the PDF, the HTML and the XLSX's
 *                  print sheets leave it out (a list too long to print, whose printed form is a summary beside it)
 */
public record Table(String caption, List<Column> columns, List<Row> rows, String emptyText, String note,
        boolean dataOnly) implements Block {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        for (Row row : rows) {
            if (row.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.cells().size() + " cells for "
                        + columns.size() + " columns: " + row.cells());
            }
        }
        Objects.requireNonNull(rows);
    }

    /** A table every output form shows. */
    public Table(String caption, List<Column> columns, List<Row> rows, String emptyText, String note) {
        this(caption, columns, rows, emptyText, note, false);
    }

    public static Table of(List<Column> columns, List<Row> rows) {
        return new Table(null, columns, rows, null, null);
    }

    public Table withCaption(String text) {
        return new Table(text, columns, rows, emptyText, note, dataOnly);
    }

    public Table withEmptyText(String text) {
        return new Table(caption, columns, rows, text, note, dataOnly);
    }

    public Table withNote(String text) {
        return new Table(caption, columns, rows, emptyText, text, dataOnly);
    }

    /** The same table as a data sheet only: not printed, not in the HTML. */
    public Table asDataOnly() {
        return new Table(caption, columns, rows, emptyText, note, true);
    }
}
