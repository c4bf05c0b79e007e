package com.propertyquality.review.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

/** CSV rows through FastCSV, streaming, in the file's detected encoding. */
final class CsvRowSource implements RowSource {

    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private final CountingStream counting;
    private final long size;
    private int blankRows;

    CsvRowSource(Path file, TextEncoding encoding) throws IOException {
        this.size = Files.size(file);
        this.counting = new CountingStream(Files.newInputStream(file));
        counting.skipNBytes(encoding.bomLength());
        // a byte that does not decode becomes U+FFFD, which the row check rejects with its line
        Reader text = new InputStreamReader(counting, encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        this.reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text);
        this.records = reader.iterator();
    }

    @Override
    public RawRow next() {
        while (records.hasNext()) {
            CsvRecord record = records.next();
            List<String> fields = record.getFields();
            if (isBlank(fields)) {
                blankRows++;
                continue;
            }
            return new RawRow(null, Math.toIntExact(record.getStartingLineNumber()), fields);
        }
        return null;
    }

    static boolean isBlank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int blankRowsSkipped() {
        return blankRows;
    }

    @Override
    public double progress() {
        return size == 0 ? 1 : Math.min(1.0, (double) counting.count / size);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** Counts bytes consumed, for the share of the file done. */
    private static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
