package com.propertyquality.review.generate;

/**
 * What one generated file holds: its data rows (header not counted), the bad rows among them, and the good rows
 * that name a household the customer records do not have (stored by the ingest with a warning).
 */
public record GeneratedFile(String file, String template, long rows, long badRows, long rowsWithWarnings) {

    public long validRows() {
        return rows - badRows;
    }
}
