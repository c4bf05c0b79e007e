package com.propertyquality.review.ingest;

import java.util.List;

/**
 * One data row as read from a file, its cells already put in the template's column order (null for a column
 * the file does not have, or a blank cell), and the row as the file holds it, kept for the rejects.
 *
 * @param file           the file name
 * @param sheet          the workbook's sheet name (XLSX or XLS), null for CSV
 * @param row            the line of a CSV file (the header is line 1), or the row number of a sheet
 * @param cells          trimmed cell text per template column
 * @param structureError a problem with the row's shape (too few fields...), or null
 * @param rawCells       every cell of the row as read, in the file's own column order (extra columns included):
 *                       what a rejected row is kept as
 */
public record SourceRow(String file, String sheet, int row, String[] cells, String structureError,
                        List<String> rawCells) {

    /** A row that has no file layout of its own (a review plan's item): nothing more to keep than its cells. */
    public SourceRow(String file, String sheet, int row, String[] cells, String structureError) {
        this(file, sheet, row, cells, structureError, List.of());
    }
}
