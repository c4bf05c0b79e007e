package com.propertyquality.review.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/** A CSV template file in UTF-8 without a byte-order mark, CRLF line ends as Excel writes them, English headers. */
final class CsvSheetWriter implements SheetWriter {

    private final CsvWriter csv;

    CsvSheetWriter(Path file, List<String> header) throws IOException {
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).bufferSize(64 * 1024)
                .build(file, StandardCharsets.UTF_8);
        csv.writeRecord(header);
    }

    @Override
    public void row(Object[] cells) {
        CsvWriter.CsvWriterRecord record = csv.writeRecord();
        for (Object cell : cells) {
            record.writeField(text(cell));
        }
        record.endRecord();
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return cell.toString(); // LocalDate prints yyyy-MM-dd, the contract's first date form
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
