package com.propertyquality.review.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/** A file's rows as cell text, in order; the first row read is the header. */
interface RowSource extends Closeable {

    /** The next non-blank row, or null at the end. */
    RawRow next() throws IOException;

    /** Rows made only of blank cells that were skipped (Excel leaves them at the bottom of a sheet). */
    int blankRowsSkipped();

    /** Day 0 of the workbook's serial dates (1900 or 1904 system); null for a text file, which has none. */
    default LocalDate serialEpoch() {
        return null;
    }

    /** How far through the file the reader is, 0..1, for progress lines; -1 when unknown. */
    double progress();

    /**
     * @param sheet the sheet name for a workbook (XLSX or XLS), else null
     * @param row   line number of a CSV record (header = 1) or row number of a sheet
     */
    record RawRow(String sheet, int row, List<String> cells) {
    }
}
