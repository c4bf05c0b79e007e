package com.propertyquality.review.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes office files the way offices produce them: CSV in a chosen encoding (with or without a byte-order
 * mark, CRLF like Excel) and XLSX sheets with text, number and real date cells.
 */
public final class OfficeFiles {

    private OfficeFiles() {
    }

    /** A CSV file from lines already joined by commas. */
    public static Path csv(Path folder, String name, Charset charset, boolean bom, String... lines) {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write((String.join("\r\n", lines) + "\r\n").getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static Path utf8(Path folder, String name, String... lines) {
        return csv(folder, name, StandardCharsets.UTF_8, false, lines);
    }

    /**
     * An XLSX workbook with one sheet; a {@link LocalDate} cell is written as a real date cell (a number with a
     * date format), a {@link Number} as a number cell, anything else as text, null as an empty cell.
     */
    public static Path xlsx(Path folder, String name, String sheet, List<List<Object>> rows) {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "review-pipeline-tests", "1.0");
            Worksheet worksheet = workbook.newWorksheet(sheet);
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof LocalDate date) {
                        worksheet.value(r, c, date);
                        worksheet.style(r, c).format("yyyy-mm-dd").set();
                    } else if (value instanceof Number number) {
                        worksheet.value(r, c, number);
                    } else if (value != null) {
                        worksheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
