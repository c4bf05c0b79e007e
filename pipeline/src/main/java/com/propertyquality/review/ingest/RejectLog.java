package com.propertyquality.review.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.propertyquality.review.contract.Violation;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * The rejects of one input file: one line per violation with template, file, sheet, row, column, value,
 * reason and the whole row as read ({@code row_cells}); a file that could not be read at all gets one line with
 * no row. The warnings of stored rows use the
 * same layout in a second log. Files load side by side, so each writes its own part; {@link #merge} joins the
 * parts in file order into {@code <work>/rejects/<run>/rejects.csv} (and {@code warnings.csv}), in UTF-8 with a
 * byte-order mark so Excel on a Chinese Windows opens them as they are.
 */
public final class RejectLog implements AutoCloseable {

    public static final List<String> HEADER = List.of("template", "file", "sheet", "row", "column", "value", "reason",
            "row_cells");

    private final Path path;
    private final BufferedWriter out;
    private final CsvWriter csv;
    private long lines;

    /** A part: lines only, no header. */
    public RejectLog(Path path) {
        this.path = path;
        try {
            Files.createDirectories(path.getParent());
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            this.csv = CsvWriter.builder().build(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects to " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    /** @param cells the row's cells as this log keeps them (personal data masked) */
    public void reject(String template, SourceRow row, List<Violation> violations, List<String> cells) {
        String line = rowCells(cells);
        for (Violation violation : violations) {
            write(template, row.file(), row.sheet(), String.valueOf(row.row()), violation, line);
        }
    }

    public void rejectFile(String template, String file, String reason) {
        write(template, file, null, "", new Violation(null, null, "file not loaded: " + reason), "");
    }

    private void write(String template, String file, String sheet, String row, Violation violation, String cells) {
        csv.writeRecord(nullToEmpty(template), file, nullToEmpty(sheet), row, nullToEmpty(violation.column()),
                nullToEmpty(violation.value()), violation.reason(), cells);
        lines++;
    }

    /**
     * The whole row as read, every cell in the file's own column order (extra columns included), as one CSV line:
     * the row is kept even once the office's file is replaced.
     */
    static String rowCells(List<String> cells) {
        if (cells.isEmpty()) {
            return "";
        }
        StringWriter line = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(line)) {
            writer.writeRecord(cells.stream().map(RejectLog::nullToEmpty).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        String text = line.toString();
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    public long lines() {
        return lines;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + path, e);
        }
    }

    /** Writes the header, then every part in the order given, streaming; the parts are deleted. */
    public static void merge(List<Path> parts, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                StringBuilder header = new StringBuilder(String.join(",", HEADER)).append("\r\n");
                out.write(header.toString().getBytes(StandardCharsets.UTF_8));
                for (Path part : parts) {
                    if (Files.exists(part)) {
                        Files.copy(part, out);
                        Files.delete(part);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
