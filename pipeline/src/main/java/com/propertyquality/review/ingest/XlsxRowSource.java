package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The first sheet of an XLSX workbook, streamed row by row with fastexcel-reader (no whole-sheet model in
 * memory). Date-formatted number cells become yyyy-MM-dd text; other numbers their plain decimal text.
 */
final class XlsxRowSource implements RowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final String sheetName;
    private final LocalDate epoch;
    private int blankRows;

    XlsxRowSource(Path file) throws IOException {
        byte[] signature = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(signature, 0, signature.length);
            if (n < 4 || !ReadableWorkbook.isOOXMLZipHeader(signature)) {
                throw new UnreadableFileException(ReadableWorkbook.isOLE2Header(signature)
                        ? "an old .xls workbook (or an encrypted one): save it as .xlsx or CSV"
                        : "not an XLSX workbook");
            }
        }
        try {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            // day 0 of Excel's serial dates: 1899-12-30 in the 1900 system (valid from March 1900 on)
            this.epoch = workbook.isDate1904() ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
            Sheet sheet = workbook.getFirstSheet();
            this.sheetName = sheet.getName();
            this.rows = sheet.openStream();
            this.iterator = rows.iterator();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("cannot open the workbook: " + e.getMessage(), e);
        }
    }

    @Override
    public RawRow next() {
        try {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (CsvRowSource.isBlank(cells)) {
                    blankRows++;
                    continue;
                }
                return new RawRow(sheetName, row.getRowNum(), cells);
            }
            return null;
        } catch (RuntimeException e) {
            // a truncated or corrupt sheet surfaces while streaming
            throw new UnreadableFileException("the workbook is damaged or truncated: " + e.getMessage(), e);
        }
    }

    private String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case EMPTY -> null;
            case NUMBER -> isDateFormat(cell.getDataFormatString())
                    ? serialDate(cell.asNumber()).toString()
                    : plain(cell.asNumber());
            // a formula's cached result; a computed date is a number in a date format like any other
            case FORMULA -> formulaText(cell);
            case ERROR -> "#ERROR " + cell.getRawValue();
            default -> cell.getText();
        };
    }

    private String formulaText(Cell cell) {
        String raw = cell.getRawValue();
        if (raw != null && isDateFormat(cell.getDataFormatString())) {
            try {
                return serialDate(new BigDecimal(raw)).toString();
            } catch (NumberFormatException e) {
                return raw; // a text result in a date-formatted cell: the row check judges it
            }
        }
        return raw;
    }

    private LocalDate serialDate(BigDecimal serial) {
        return epoch.plusDays(serial.longValue());
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /**
     * A number format that shows a date: it has y or d outside quoted text, escaped characters (backslash,
     * underscore and asterisk escapes) and colour/locale brackets.
     */
    static boolean isDateFormat(String format) {
        if (format == null) {
            return false;
        }
        String lower = format.toLowerCase(Locale.ROOT);
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '[') {
                bracket = true;
            } else if (c == ']') {
                bracket = false;
            } else if (!quoted && !bracket && (c == '\\' || c == '_' || c == '*')) {
                i++; // the next character is literal text or padding, not a date part
            } else if (!quoted && !bracket && (c == 'y' || c == 'd' || c == '年' || c == '日')) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int blankRowsSkipped() {
        return blankRows;
    }

    @Override
    public double progress() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
    }
}
