package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * The first sheet of a legacy XLS workbook (BIFF8, Excel 97–2003), streamed record by record through POI's HSSF
 * event API: no sheet model in memory, only the workbook's shared strings and formats. The records are pulled
 * ({@link RecordFactoryInputStream}, the stream {@code HSSFEventFactory} pushes from), since Spring Batch asks
 * for one row at a time; formats are tracked by POI's {@link FormatTrackingHSSFListener}. Cells come out as the
 * XLSX reader gives them: date-formatted numbers as yyyy-MM-dd, other numbers as plain decimals, formulas as
 * their cached result.
 */
final class XlsRowSource implements RowSource {

    private final POIFSFileSystem fileSystem;
    private final InputStream stream;
    private final RecordFactoryInputStream records;
    private final FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(record -> { });
    private final List<BoundSheetRecord> sheets = new ArrayList<>();
    private SSTRecord strings;
    private LocalDate epoch = ExcelDates.EPOCH_1900;
    private String sheetName;
    /** The cells of the row being gathered, and its row number (1-based); -1 before the first cell. */
    private List<String> cells = new ArrayList<>();
    private int row = -1;
    /** A formula whose text result follows in a STRING record. */
    private FormulaRecord pendingFormula;
    private boolean sheetEnded;
    private int blankRows;

    XlsRowSource(Path file) throws IOException {
        WorkbookFiles.Kind kind = WorkbookFiles.kindOf(file);
        if (kind != WorkbookFiles.Kind.XLS) {
            throw new UnreadableFileException(WorkbookFiles.wrongKind(kind, ".xls"));
        }
        POIFSFileSystem opened = null;
        try {
            opened = new POIFSFileSystem(file.toFile(), true);
            this.stream = opened.createDocumentInputStream("Workbook");
            this.records = new RecordFactoryInputStream(stream, false);
            this.fileSystem = opened;
            readWorkbookGlobals();
        } catch (EncryptedDocumentException e) {
            closeQuietly(opened);
            throw new UnreadableFileException(WorkbookFiles.wrongKind(WorkbookFiles.Kind.ENCRYPTED, ".xls"), e);
        } catch (UnreadableFileException e) {
            closeQuietly(opened);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(opened);
            throw new UnreadableFileException("the workbook cannot be opened: it is damaged or cut short"
                    + WorkbookFiles.detail(e) + "; " + WorkbookFiles.RESAVE, e);
        }
    }

    /**
     * Reads the globals up to the first worksheet's BOF: sheet names, shared strings, formats and the date system.
     * A chart sheet before it is passed over.
     */
    private void readWorkbookGlobals() {
        boolean globalsEnded = false;
        int substream = 0;
        Record record;
        while ((record = records.nextRecord()) != null) {
            formats.processRecordInternally(record);
            if (record instanceof BoundSheetRecord sheet) {
                sheets.add(sheet);
            } else if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (record instanceof DateWindow1904Record window && window.getWindowing() == 1) {
                epoch = ExcelDates.EPOCH_1904;
            } else if (record instanceof EOFRecord) {
                globalsEnded = true;
            } else if (globalsEnded && record instanceof BOFRecord bof) {
                if (bof.getType() == BOFRecord.TYPE_WORKSHEET) {
                    // the sheets follow the globals in the order of their BOF positions
                    BoundSheetRecord[] ordered = BoundSheetRecord.orderByBofPosition(sheets);
                    sheetName = substream < ordered.length ? ordered[substream].getSheetname() : "Sheet1";
                    return;
                }
                skipSubstream();
                substream++;
            }
        }
        throw new UnreadableFileException("the workbook has no worksheet: " + WorkbookFiles.RESAVE);
    }

    /** Reads past the substream whose BOF was just read, nested ones included. */
    private void skipSubstream() {
        int depth = 1;
        Record record;
        while (depth > 0 && (record = records.nextRecord()) != null) {
            if (record instanceof BOFRecord) {
                depth++;
            } else if (record instanceof EOFRecord) {
                depth--;
            }
        }
    }

    @Override
    public RawRow next() {
        try {
            while (true) {
                RawRow gathered = gather();
                if (gathered == null) {
                    return null;
                }
                if (CsvRowSource.isBlank(gathered.cells())) {
                    blankRows++; // formatted but empty cells
                    continue;
                }
                return gathered;
            }
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException(WorkbookFiles.wrongKind(WorkbookFiles.Kind.ENCRYPTED, ".xls"), e);
        } catch (UnreadableFileException e) {
            throw e;
        } catch (RuntimeException e) {
            // a truncated or corrupt sheet surfaces while streaming
            throw new UnreadableFileException("the workbook is damaged or cut short" + WorkbookFiles.detail(e)
                    + "; " + WorkbookFiles.RESAVE, e);
        }
    }

    /** The next row of the first sheet: its cells arrive row by row, each row's in column order. */
    private RawRow gather() {
        while (!sheetEnded) {
            Record record = records.nextRecord();
            if (record instanceof BOFRecord) {
                skipSubstream(); // a chart embedded in the sheet
                continue;
            }
            if (record == null || record instanceof EOFRecord) {
                sheetEnded = true;
                break;
            }
            formats.processRecordInternally(record);
            if (record instanceof StringRecord text && pendingFormula != null) {
                RawRow done = put(pendingFormula, text.getString());
                pendingFormula = null;
                if (done != null) {
                    return done;
                }
                continue;
            }
            if (!(record instanceof CellValueRecordInterface cell)) {
                continue;
            }
            if (record instanceof FormulaRecord formula && formula.hasCachedResultString()) {
                pendingFormula = formula; // its text follows in the next STRING record
                continue;
            }
            RawRow done = put(cell, text(record));
            if (done != null) {
                return done;
            }
        }
        return flush();
    }

    /** Puts a cell in the row being gathered; the finished row when the cell starts a new one. */
    private RawRow put(CellValueRecordInterface cell, String value) {
        RawRow done = null;
        if (cell.getRow() + 1 != row) {
            done = flush();
            row = cell.getRow() + 1;
        }
        if (value != null) {
            while (cells.size() < cell.getColumn()) {
                cells.add(null);
            }
            if (cells.size() == cell.getColumn()) {
                cells.add(value);
            } else {
                cells.set(cell.getColumn(), value);
            }
        }
        return done;
    }

    private RawRow flush() {
        if (row < 0) {
            return null;
        }
        RawRow done = new RawRow(sheetName, row, cells);
        cells = new ArrayList<>();
        row = -1;
        return done;
    }

    private String text(Record record) {
        if (record instanceof LabelSSTRecord label) {
            return strings == null ? null : strings.getString(label.getSSTIndex()).getString();
        }
        if (record instanceof LabelRecord label) {
            return label.getValue();
        }
        if (record instanceof NumberRecord number) {
            return number(number, number.getValue());
        }
        if (record instanceof BoolErrRecord boolErr) {
            return boolErr.isBoolean() ? (boolErr.getBooleanValue() ? "TRUE" : "FALSE")
                    : "#ERROR " + FormulaError.forInt(boolErr.getErrorValue()).getString();
        }
        if (record instanceof FormulaRecord formula) {
            CellType type = formula.getCachedResultTypeEnum();
            return switch (type) {
                case NUMERIC -> number(formula, formula.getValue());
                case BOOLEAN -> formula.getCachedBooleanValue() ? "TRUE" : "FALSE";
                case ERROR -> "#ERROR " + FormulaError.forInt(formula.getCachedErrorValue()).getString();
                default -> null;
            };
        }
        return null; // blank cells
    }

    private String number(CellValueRecordInterface cell, double value) {
        if (isDateFormatted(cell)) {
            return ExcelDates.date(epoch, value).toString();
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private boolean isDateFormatted(CellValueRecordInterface cell) {
        int index = formats.getFormatIndex(cell);
        String format = formats.getFormatString(cell);
        if (format == null || format.startsWith("reserved")) {
            return ExcelDates.isLocaleBuiltinDate(index);
        }
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
        try {
            stream.close();
        } finally {
            fileSystem.close();
        }
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException e) {
                // the file is refused already; nothing more to say about it
            }
        }
    }
}
