package com.propertyquality.review.generate;

import java.nio.file.Path;

/**
 * Where and how the templates are written: the folder, the file type, how many good rows go with one bad row, and
 * the counts expected.json is made from.
 */
record OutputFolder(Path folder, SheetFormat format, int goodRowsPerBadRow, GeneratedCounts counts) {

    /** One bad row per 100,000 good rows: rare, as in real registers, but at least one in every file. */
    static final int GOOD_ROWS_PER_BAD_ROW = 100_000;
}
