package com.propertyquality.review.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import com.propertyquality.review.contract.Violation;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * The rejected rows of one input file in that file's own layout, for the office to correct and hand in again:
 * the header row exactly as the file has it, then each rejected row with every cell as read (extra columns
 * included, in the file's order) and the reasons in one more column, {@value #REASON_HEADER}. A CSV file's rows
 * go to a CSV in the same encoding (a byte-order mark if it had one), a workbook's (XLSX or XLS) to an XLSX.
 *
 * <p>The name is the input's with {@code _rejected} before the extension ({@code feedback-2025.csv} gives
 * {@code feedback-2025_rejected.csv}): it still starts with the template's prefix, so the file is recognised
 * when handed in again, and it sorts after the original, so a row it shares a key with in the same load (a
 * duplicate left as it was) loses to the original's, as in the first load. The reason column is not part of
 * the template: a load ignores it with a warning; a file that already has one (a rejected-rows file rejected
 * again) gets the new reasons in that column.
 */
final class RejectedRowsFile implements AutoCloseable {

    static final String REASON_HEADER = "reject_reason / 退回原因";
    private static final String SUFFIX = "_rejected";
    /** XLSX rows are handed to the output in batches, so a large file's rejects never sit in memory. */
    private static final int FLUSH_ROWS = 1_000;

    private final Path path;
    private final List<String> header;
    private final int reasonColumn;
    private final Map<String, String> writtenHeaders;
    private final OutputStream out;
    private final CsvWriter csv;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int lines;
    private int rows;

    private RejectedRowsFile(Path path, FileLoad load) throws IOException {
        this.path = path;
        this.header = load.header();
        this.writtenHeaders = load.writtenHeaders();
        int existing = -1;
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i) != null && header.get(i).strip().equals(REASON_HEADER)) {
                existing = i;
            }
        }
        this.reasonColumn = existing >= 0 ? existing : header.size();
        List<String> first = new ArrayList<>(header);
        if (existing < 0) {
            first.add(REASON_HEADER);
        }
        Files.createDirectories(path.getParent());
        this.out = Files.newOutputStream(path);
        TextEncoding encoding = load.textEncoding();
        if (encoding == null) {
            this.csv = null;
            this.workbook = new Workbook(out, "review-pipeline", "1.0");
            this.sheet = workbook.newWorksheet(load.sheetName() == null ? "Sheet1" : load.sheetName());
        } else {
            this.workbook = null;
            this.sheet = null;
            Charset charset = encoding.charset();
            if (encoding.bomLength() == 3) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            // UTF-16's encoder writes its own byte-order mark
            this.csv = CsvWriter.builder().build(new BufferedWriter(new OutputStreamWriter(out, charset)));
        }
        writeRow(first);
    }

    /** Opens the file for {@code load}'s rejected rows in {@code folder}, under a name no other file there has. */
    static RejectedRowsFile open(Path folder, FileLoad load) {
        String name = load.fileName();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = load.textEncoding() == null ? "xlsx"
                : dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "csv";
        Path path = folder.resolve(base + SUFFIX + "." + extension);
        for (int n = 2; Files.exists(path); n++) {
            path = folder.resolve(base + SUFFIX + "-" + n + "." + extension);
        }
        try {
            return new RejectedRowsFile(path, load);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejected rows of " + name + " to " + path, e);
        }
    }

    Path path() {
        return path;
    }

    /** Rejected rows written, the header not counted. */
    int rows() {
        return rows;
    }

    /** The row with every cell as read, the reasons in the reason column. */
    void write(SourceRow row, List<Violation> violations) {
        List<String> cells = row.rawCells();
        List<String> line = new ArrayList<>(Math.max(cells.size(), reasonColumn) + 1);
        for (int i = 0; i < Math.min(cells.size(), reasonColumn); i++) {
            line.add(cells.get(i));
        }
        while (line.size() < reasonColumn) {
            line.add(null); // a short CSV line: its missing fields
        }
        line.add(reasons(violations));
        for (int i = reasonColumn + 1; i < cells.size(); i++) {
            line.add(cells.get(i));
        }
        writeRow(line);
        rows++;
    }

    private String reasons(List<Violation> violations) {
        StringJoiner joined = new StringJoiner(" | ");
        for (Violation violation : violations) {
            StringBuilder reason = new StringBuilder();
            if (violation.column() != null) {
                StringJoiner columns = new StringJoiner("+");
                for (String column : violation.column().split("\\+")) {
                    columns.add(writtenHeaders.getOrDefault(column, column));
                }
                reason.append(columns);
                if (violation.value() != null) {
                    reason.append(" (").append(violation.value()).append(')');
                }
                reason.append(": ");
            }
            joined.add(reason.append(violation.reason()));
        }
        return joined.toString();
    }

    private void writeRow(List<String> cells) {
        try {
            if (csv != null) {
                csv.writeRecord(cells.stream().map(c -> c == null ? "" : c).toList());
            } else {
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c) != null && !cells.get(c).isEmpty()) {
                        // inline strings: no table of every distinct text kept in memory until the end
                        sheet.inlineString(lines, c, cells.get(c));
                    }
                }
                if ((lines + 1) % FLUSH_ROWS == 0) {
                    sheet.flush();
                }
            }
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** Finishes the file. */
    @Override
    public void close() {
        try {
            if (csv != null) {
                csv.close();
            } else {
                workbook.finish();
                out.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + path, e);
        }
    }

    /** Closes and removes the file: its input did not load, so the whole input is to be handed in again. */
    void discard() {
        try {
            close();
        } catch (UncheckedIOException e) {
            // removed below all the same
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + path, e);
        }
    }

    static boolean isRejectedRowsFile(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        return (dot > 0 ? lower.substring(0, dot) : lower).matches(".*" + SUFFIX + "(-\\d+)?");
    }
}
