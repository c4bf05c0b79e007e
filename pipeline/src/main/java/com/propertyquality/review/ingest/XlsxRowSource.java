package com.propertyquality.review.ingest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * The first sheet of an XLSX workbook, streamed row by row with fastexcel-reader (no whole-sheet model in
 * memory), whatever wrote it: a minimal package with inline strings and no styles or shared-strings part loads
 * too. Date-formatted number cells become yyyy-MM-dd text; other numbers their plain decimal text.
 */
final class XlsxRowSource implements RowSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final String sheetName;
    private final LocalDate epoch;
    private int blankRows;

    XlsxRowSource(Path file) throws IOException {
        WorkbookFiles.Kind kind = WorkbookFiles.kindOf(file);
        if (kind != WorkbookFiles.Kind.XLSX) {
            throw new UnreadableFileException(WorkbookFiles.wrongKind(kind, ".xlsx"));
        }
        try {
            // a package without a styles part (what many systems export) has no number formats to read, and
            // fastexcel refuses to read formats from a part that is not there
            boolean formats = WorkbookFiles.hasStylesPart(file);
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(formats, false));
            this.epoch = workbook.isDate1904() ? ExcelDates.EPOCH_1904 : ExcelDates.EPOCH_1900;
            Sheet sheet = workbook.getFirstSheet();
            this.sheetName = sheet.getName();
            this.rows = sheet.openStream();
            this.iterator = rows.iterator();
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("the workbook cannot be opened: it is damaged, cut short or not a"
                    + " complete XLSX" + WorkbookFiles.detail(e) + "; " + WorkbookFiles.RESAVE, e);
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
            throw new UnreadableFileException("the workbook is damaged or cut short" + WorkbookFiles.detail(e)
                    + "; " + WorkbookFiles.RESAVE, e);
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
        return ExcelDates.date(epoch, serial);
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** See {@link ExcelDates#isDateFormat}. */
    static boolean isDateFormat(String format) {
        return ExcelDates.isDateFormat(format);
    }

    @Override
    public LocalDate serialEpoch() {
        return epoch;
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
