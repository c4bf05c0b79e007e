package com.propertyquality.review.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.contract.ValueType;

/**
 * Reads a template file, CSV, XLSX or XLS, as a stream of {@link SourceRow}s: recognises the header (English or
 * Chinese, any order), puts each row's cells in the template's column order and flags rows of the wrong shape.
 * Counts every data row it hands out as read.
 */
public class TemplateFileReader implements ItemStreamReader<SourceRow> {

    /** The Unicode replacement character: a byte sequence the file's encoding could not decode. */
    private static final char UNDECODABLE = '\uFFFD';

    private final FileLoad load;
    private final Charset encodingOverride;
    private final ProgressLine progress;
    private RowSource source;
    private int[] columnByField;
    private int headerWidth;
    private String fileName;
    /** Fields whose header cell is blank: values there are ignored, with one warning. */
    private boolean[] blankHeader;
    private boolean warnedUnnamedColumn;
    /** Day 0 of a workbook's serial dates; null for CSV, where a number in a date column is just a number. */
    private LocalDate serialEpoch;

    public TemplateFileReader(FileLoad load, Charset encodingOverride, ProgressLine progress) {
        this.load = load;
        this.encodingOverride = encodingOverride;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext executionContext) throws ItemStreamException {
        Path file = load.file();
        fileName = load.fileName();
        try {
            source = openSource(file);
            RowSource.RawRow header = source.next();
            if (header == null) {
                throw new UnreadableFileException("the file is empty: no header row");
            }
            mapHeader(header.cells());
            // the layout a file of this one's rejected rows is written in
            load.layout(header.cells(), header.sheet(), writtenHeaders(header.cells()), privateFields());
            serialEpoch = source.serialEpoch();
        } catch (IOException e) {
            throw new UnreadableFileException("cannot read the file: " + e.getMessage(), e);
        }
    }

    private RowSource openSource(Path file) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            load.encoding("xlsx");
            return new XlsxRowSource(file);
        }
        if (name.endsWith(".xls")) {
            load.encoding("xls");
            return new XlsRowSource(file);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            TextEncoding encoding = TextEncoding.of(file, encodingOverride);
            load.encoding(encoding.charset().name() + (encoding.bomLength() > 0 ? " (BOM)" : ""));
            load.textEncoding(encoding);
            return new CsvRowSource(file, encoding);
        }
        throw new UnreadableFileException("unsupported file type: only .csv (or .txt), .xlsx and .xls files are"
                + " loaded; save it from Excel as .xlsx or CSV and load it again");
    }

    private void mapHeader(List<String> headers) {
        blankHeader = new boolean[headers.size()];
        Template template = load.template();
        columnByField = new int[headers.size()];
        headerWidth = headers.size();
        Set<String> seen = new HashSet<>();
        for (String header : headers) {
            if (header != null && header.indexOf(UNDECODABLE) >= 0) {
                throw new UnreadableFileException("the header is not valid " + load.encoding()
                        + " text: the file is in another encoding (leave --encoding out to detect it)");
            }
        }
        for (int field = 0; field < headers.size(); field++) {
            String header = headers.get(field) == null ? "" : headers.get(field).replace("\uFEFF", "").strip();
            blankHeader[field] = header.isEmpty();
            Optional<ColumnSpec> column = header.isEmpty() ? Optional.empty() : template.columnForHeader(header);
            if (column.isEmpty()) {
                columnByField[field] = -1;
                if (!header.isEmpty()) {
                    load.warn("column '" + header + "' is not part of the " + template.name() + " template: ignored");
                }
            } else if (!seen.add(column.get().name())) {
                throw new UnreadableFileException("column " + column.get().name() + " appears twice in the header");
            } else {
                columnByField[field] = template.indexOf(column.get().name());
            }
        }
        for (ColumnSpec column : template.columns()) {
            // an office column decides where rows belong: it must be there even where a blank cell is allowed
            if ((column.required() || column.knownOffice()) && !seen.contains(column.name())) {
                throw new UnreadableFileException("required column " + column.name() + " / " + column.chinese()
                        + " is missing from the header");
            }
        }
    }

    @Override
    public SourceRow read() throws IOException {
        RowSource.RawRow raw = source.next();
        if (raw == null) {
            load.blankRowsSkipped(source.blankRowsSkipped());
            return null;
        }
        load.countRead();
        progress.update(load.read(), source.progress());
        String[] cells = new String[load.template().columns().size()];
        List<String> fields = raw.cells();
        String structureError = null;
        int width = Math.min(fields.size(), columnByField.length);
        for (int field = 0; field < width; field++) {
            int column = columnByField[field];
            String cell = fields.get(field);
            if (cell != null) {
                cell = cell.strip();
                if (cell.isEmpty()) {
                    cell = null;
                } else if (cell.indexOf(UNDECODABLE) >= 0) {
                    structureError = "characters that are not valid " + load.encoding()
                            + " text (wrong encoding?) in column " + (column >= 0
                            ? load.template().columns().get(column).name() : String.valueOf(field + 1));
                }
            }
            if (column >= 0) {
                cells[column] = cell;
            } else if (cell != null && !warnedUnnamedColumn && blankHeader[field]) {
                warnedUnnamedColumn = true;
                load.warn("column " + (field + 1) + " has values but no header: ignored (first at row " + raw.row() + ")");
            }
        }
        if (serialEpoch != null) {
            serialDates(cells);
        }
        if (raw.sheet() == null && fields.size() < headerWidth) {
            structureError = "the row has " + fields.size() + " fields where the header has " + headerWidth;
        } else if (fields.size() > headerWidth
                && !CsvRowSource.isBlank(fields.subList(headerWidth, fields.size()))) {
            structureError = "the row has values beyond the last header column (" + fields.size()
                    + " fields, header " + headerWidth + ")";
        }
        return new SourceRow(fileName, raw.sheet(), raw.row(), cells, structureError, fields);
    }

    /**
     * Contract: "In workbooks, date cells and Excel serial dates count as dates". A date cell is already a date
     * (its number format says so); a plain serial number in a date column, as a system without number formats
     * exports it, becomes the date it stands for.
     */
    private void serialDates(String[] cells) {
        List<ColumnSpec> columns = load.template().columns();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && columns.get(i).type() == ValueType.DATE) {
                LocalDate date = ExcelDates.serialInDateColumn(serialEpoch, cells[i]);
                if (date != null) {
                    cells[i] = date.toString();
                }
            }
        }
    }

    /** The file's fields that hold personal data, with their template column. */
    private Map<Integer, String> privateFields() {
        Map<Integer, String> fields = new HashMap<>();
        for (int field = 0; field < columnByField.length; field++) {
            int column = columnByField[field];
            if (column >= 0 && load.template().privateColumns().contains(load.template().columns().get(column).name())) {
                fields.put(field, load.template().columns().get(column).name());
            }
        }
        return fields;
    }

    /** Each template column's header as the file writes it (English or Chinese), for the reasons of a reject. */
    private Map<String, String> writtenHeaders(List<String> headers) {
        Map<String, String> written = new HashMap<>();
        for (int field = 0; field < columnByField.length; field++) {
            if (columnByField[field] >= 0) {
                written.put(load.template().columns().get(columnByField[field]).name(),
                        headers.get(field).replace("\uFEFF", "").strip());
            }
        }
        return written;
    }

    @Override
    public void close() throws ItemStreamException {
        progress.done(load.read());
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + fileName, e);
            }
        }
    }

    /** For tests: the mapping of file fields to template columns. */
    int[] columnByField() {
        return Arrays.copyOf(columnByField, columnByField.length);
    }
}
