package com.propertyquality.review.ingest;

/**
 * One data row as read from a file, its cells already put in the template's column order (null for a column
 * the file does not have, or a blank cell).
 *
 * @param file           the file name
 * @param sheet          the XLSX sheet name, null for CSV
 * @param row            the line of a CSV file (the header is line 1), or the row number of a sheet
 * @param cells          trimmed cell text per template column
 * @param structureError a problem with the row's shape (too few fields...), or null
 */
public record SourceRow(String file, String sheet, int row, String[] cells, String structureError) {
}
