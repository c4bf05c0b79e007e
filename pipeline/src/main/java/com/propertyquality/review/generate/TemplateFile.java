package com.propertyquality.review.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import com.propertyquality.review.contract.ColumnSpec;
import com.propertyquality.review.contract.Template;

/**
 * One file of a template (feedback-2025-03.csv), written row by row, with its bad rows put in along the way: one
 * per {@link OutputFolder#goodRowsPerBadRow} good rows (100,000 unless asked), at least one per file that has any,
 * spread evenly, each right after the good row it is made from. The file is split into parts (-01, -02, ...: name
 * order = row order) when it would hold more rows than the format allows. Columns, their order and the headers
 * are the template's.
 */
final class TemplateFile implements Closeable {

    private final Path folder;
    private final SheetFormat format;
    private final Template template;
    private final String stem;
    private final long goodRows;
    private final long badRows;
    private final int parts;
    private final long rowsPerPart;
    private final Flaw.Cycle flaws;
    private final GeneratedCounts counts;
    private final int[] keyIndexes;

    private SheetWriter writer;
    private String fileName;
    private int part;
    private long rowsInPart;
    private long badInPart;
    private long warnedInPart;
    private long goodWritten;
    private long badWritten;

    TemplateFile(OutputFolder out, Template template, String stem, long goodRows, Flaw.Cycle flaws) {
        this.folder = out.folder();
        this.format = out.format();
        this.template = template;
        this.stem = stem;
        this.goodRows = goodRows;
        this.badRows = badRowsFor(goodRows, out.goodRowsPerBadRow());
        long total = goodRows + badRows;
        long max = format.maxRowsPerFile();
        this.parts = total <= max ? 1 : (int) ((total + max - 1) / max);
        this.rowsPerPart = (total + parts - 1) / parts;
        this.flaws = flaws;
        this.counts = out.counts();
        this.keyIndexes = template.key().stream().mapToInt(template::indexOf).toArray();
    }

    /** 0 for {@code goodRowsPerBadRow} 0: a clean company, whose figures another engine can reproduce. */
    static long badRowsFor(long goodRows, int goodRowsPerBadRow) {
        if (goodRows == 0 || goodRowsPerBadRow == 0) {
            return 0;
        }
        return Math.max(1, Math.round((double) goodRows / goodRowsPerBadRow));
    }

    /** A new row of the template's width, its cells in the template's column order. */
    Object[] newRow() {
        return new Object[template.columns().size()];
    }

    /** Writes a good row; {@code unknownHousehold}: it names a household the customer records lack. */
    void write(Object[] row, boolean unknownHousehold) {
        if (goodWritten == goodRows) {
            throw new IllegalStateException(stem + ": more rows than planned (" + goodRows + ")");
        }
        put(row);
        goodWritten++;
        if (unknownHousehold) {
            warnedInPart++;
        }
        if (badWritten < badRows && goodWritten == badRowAfter(badWritten)) {
            Flaw flaw = flaws.next();
            Object[] bad = flaw.make().apply(row.clone());
            put(bad);
            badInPart++;
            badWritten++;
            counts.badRow(new BadRow(fileName, rowsInPart + 1, key(bad), flaw.column(), valueOf(flaw, bad),
                    flaw.description()));
        }
    }

    /** Bad row j goes after good row floor((j + ½) · good / bad) + 1: spread out, never before the first. */
    private long badRowAfter(long j) {
        return (long) Math.floor((j + 0.5) * goodRows / badRows) + 1;
    }

    private void put(Object[] row) {
        try {
            if (writer == null || rowsInPart == rowsPerPart) {
                nextPart();
            }
            writer.row(row);
            rowsInPart++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void nextPart() throws IOException {
        closePart();
        part++;
        fileName = stem + (parts > 1 ? "-" + RecordIds.padded(part, 2) : "") + format.extension();
        List<String> header = template.columns().stream().map(ColumnSpec::name).toList();
        writer = format.open(folder.resolve(fileName), template.chineseName(), header);
        rowsInPart = 0;
        badInPart = 0;
        warnedInPart = 0;
    }

    private void closePart() throws IOException {
        if (writer != null) {
            writer.close();
            counts.file(new GeneratedFile(fileName, template.name(), rowsInPart, badInPart, warnedInPart));
            writer = null;
        }
    }

    private String key(Object[] row) {
        StringBuilder key = new StringBuilder();
        for (int index : keyIndexes) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            key.append(format.asRead(row[index]));
        }
        return key.toString();
    }

    /** The value rejects.csv shows: the cell as written, the key for a duplicate, nothing for a whole-row flaw. */
    private String valueOf(Flaw flaw, Object[] row) {
        if (flaw.column() == null) {
            return "";
        }
        if (flaw.duplicate()) {
            return key(row);
        }
        return format.asRead(row[template.indexOf(flaw.column())]);
    }

    @Override
    public void close() {
        try {
            if (writer == null) {
                nextPart(); // a template with no rows at this scale still gets its file, header only
            }
            closePart();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (goodWritten != goodRows) {
            throw new IllegalStateException(stem + ": " + goodWritten + " rows written, " + goodRows + " planned");
        }
    }
}
