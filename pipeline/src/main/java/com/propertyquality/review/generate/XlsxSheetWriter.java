package com.propertyquality.review.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.List;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A template file as one XLSX sheet, streamed with fastexcel: rows go to disk every {@link #FLUSH_ROWS} rows, and
 * text is written inline rather than into the shared-string table, which would grow with every id. Dates are real
 * date cells, numbers number cells, as an office's Excel has them.
 */
final class XlsxSheetWriter implements SheetWriter {

    private static final int FLUSH_ROWS = 2000;
    private static final String DATE_FORMAT = "yyyy-mm-dd";

    /** fastexcel stamps docProps/core.xml with the clock; the generator puts this fixed date in its place. */
    private static final String CORE_PROPERTIES = "docProps/core.xml";
    private static final String FIXED_CORE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>review-pipeline generate"
            + "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-05T00:00:00.000Z</dcterms:created>"
            + "</cp:coreProperties>";
    private final Path file;
    private final Path draft;
    private final OutputStream out;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxSheetWriter(Path file, String sheetName, List<String> header) throws IOException {
        this.file = file;
        // hidden (a leading dot) until it is complete: the ingest skips hidden files
        this.draft = file.resolveSibling("." + file.getFileName() + ".part");
        this.out = Files.newOutputStream(draft);
        this.workbook = new Workbook(out, "review-pipeline", "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < header.size(); c++) {
            sheet.inlineString(0, c, header.get(c));
        }
        row = 1;
    }

    @Override
    public void row(Object[] cells) throws IOException {
        for (int c = 0; c < cells.length; c++) {
            Object cell = cells[c];
            if (cell instanceof String text) {
                sheet.inlineString(row, c, text);
            } else if (cell instanceof LocalDate date) {
                sheet.value(row, c, date);
                sheet.style(row, c).format(DATE_FORMAT).set();
            } else if (cell instanceof BigDecimal || cell instanceof Integer || cell instanceof Long) {
                sheet.value(row, c, (Number) cell);
            } else if (cell != null) {
                throw new IllegalArgumentException("no XLSX cell for " + cell.getClass().getSimpleName());
            }
        }
        row++;
        if (row % FLUSH_ROWS == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try (out) {
            workbook.finish();
        }
        withFixedCreationDate(draft, file);
        Files.delete(draft);
    }

    /**
     * Copies the workbook entry by entry, still compressed, replacing only the clock-stamped core properties: the
     * same seed then gives the same bytes, as it does for CSV.
     */
    private static void withFixedCreationDate(Path from, Path to) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(from).get();
             ZipArchiveOutputStream copy = new ZipArchiveOutputStream(to)) {
            copy.setUseZip64(Zip64Mode.AsNeeded);
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.getName().equals(CORE_PROPERTIES)) {
                    ZipArchiveEntry fixed = new ZipArchiveEntry(CORE_PROPERTIES);
                    fixed.setTime(entry.getTime()); // the time fastexcel gave every entry, not the clock
                    fixed.setMethod(ZipArchiveEntry.DEFLATED);
                    copy.putArchiveEntry(fixed);
                    copy.write(FIXED_CORE.getBytes(StandardCharsets.UTF_8));
                    copy.closeArchiveEntry();
                } else {
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        copy.addRawArchiveEntry(entry, raw);
                    }
                }
            }
        }
    }
}
