package com.propertyquality.review.ingest;

import com.propertyquality.review.contract.Violation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * The rejects of one run, {@code <work>/rejects/<run>/rejects.csv}: one line per violation with template, file,
 * sheet, row, column, value and reason; a file that could not be read at all gets one line with no row. The
 * warnings of stored rows go to {@code warnings.csv} beside it, in the same layout. Written in UTF-8 with a
 * byte-order mark so Excel on a Chinese Windows opens it as it is.
 */
public final class RejectLog implements AutoCloseable {

    public static final List<String> HEADER = List.of("template", "file", "sheet", "row", "column", "value", "reason");

    private final Path path;
    private final BufferedWriter out;
    private final CsvWriter csv;
    private long lines;

    public RejectLog(Path path) {
        this.path = path;
        try {
            Files.createDirectories(path.getParent());
            this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
            out.write('\uFEFF');
            this.csv = CsvWriter.builder().build(out);
            csv.writeRecord(HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects to " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public synchronized void reject(String template, SourceRow row, List<Violation> violations) {
        for (Violation violation : violations) {
            write(template, row.file(), row.sheet(), String.valueOf(row.row()), violation);
        }
    }

    public synchronized void rejectFile(String template, String file, String reason) {
        write(template, file, null, "", new Violation(null, null, "file not loaded: " + reason));
    }

    private void write(String template, String file, String sheet, String row, Violation violation) {
        csv.writeRecord(nullToEmpty(template), file, nullToEmpty(sheet), row, nullToEmpty(violation.column()),
                nullToEmpty(violation.value()), violation.reason());
        lines++;
    }

    public synchronized long lines() {
        return lines;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    @Override
    public synchronized void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + path, e);
        }
    }
}
