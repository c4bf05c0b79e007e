package com.propertyquality.review.explorer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import com.propertyquality.review.workbench.Answer;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * A table as a file: CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese names) and XLSX as a data sheet
 * (one sheet, the header row, an autofilter over the rows, the header frozen, no merged cells), not a print layout.
 */
final class TableFiles {

    private TableFiles() {
    }

    static byte[] csv(Answer answer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CsvWriter csv = CsvWriter.builder().build(writer)) {
            csv.writeRecord(answer.columns());
            for (List<Object> row : answer.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(value == null ? "" : String.valueOf(value));
                }
                csv.writeRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] xlsx(Answer answer, String sheetName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(bytes, "review-pipeline", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName);
            List<String> columns = answer.columns();
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c));
                sheet.style(0, c).bold().set();
                sheet.width(c, Math.max(10, columns.get(c).length() + 4));
            }
            int r = 1;
            for (List<Object> row : answer.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r, c, row.get(c));
                }
                r++;
            }
            if (!columns.isEmpty()) {
                sheet.setAutoFilter(0, 0, Math.max(0, r - 1), columns.size() - 1);
                sheet.freezePane(0, 1);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigInteger big) {
            sheet.value(r, c, new BigDecimal(big));
        } else if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else if (value instanceof Boolean bool) {
            sheet.value(r, c, bool);
        } else if (value instanceof LocalDate date) {
            sheet.value(r, c, date);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        } else {
            sheet.value(r, c, String.valueOf(value));
        }
    }
}
