package com.propertyquality.review.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/** The file type the generated templates are written in: CSV (UTF-8) or one XLSX sheet per file. */
public enum SheetFormat {
    csv(Long.MAX_VALUE),
    /** A sheet holds at most 1,048,576 rows: a bigger file is split into parts well below that. */
    xlsx(1_000_000);

    private final long maxRowsPerFile;

    SheetFormat(long maxRowsPerFile) {
        this.maxRowsPerFile = maxRowsPerFile;
    }

    long maxRowsPerFile() {
        return maxRowsPerFile;
    }

    String extension() {
        return "." + name();
    }

    /** A cell as the ingest reads it back: an XLSX number cell has no trailing zeros (128.50 reads 128.5). */
    String asRead(Object cell) {
        if (this == xlsx && cell instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
        return CsvSheetWriter.text(cell);
    }

    SheetWriter open(Path file, String sheetName, List<String> header) throws IOException {
        return switch (this) {
            case csv -> new CsvSheetWriter(file, header);
            case xlsx -> new XlsxSheetWriter(file, sheetName, header);
        };
    }
}
