package com.propertyquality.review.lake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.parquet.io.api.Binary;

import com.propertyquality.review.contract.ValueType;

/**
 * A run of staged rows on the local disk, in a compact binary form read back in the order written: blocks, each the
 * rows of one partition from one input file (the partition's folder notation, the file's name, the row count, then
 * each row's source row and typed values). A run's blocks are in partition order, so runs merge by partition without
 * sorting anything again.
 *
 * <p>Text comes back as Parquet {@link Binary}, the UTF-8 bytes as stored: the rows are read back only to be written
 * to Parquet, which would otherwise encode each decoded string again.
 */
final class RowSpill {

    private RowSpill() {
    }

    /** A row waiting for its partition's turn: its values in template column order, and its line in the file. */
    record Buffered(Object[] values, int sourceRow) {
    }

    static final class Writer implements Closeable {
        private final DataOutputStream out;
        private final ValueType[] types;

        Writer(Path file, List<ValueType> types) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            this.types = types.toArray(ValueType[]::new);
        }

        /** Starts a block of {@code rows} rows of one partition, all from {@code sourceFile}. */
        void block(String partition, String sourceFile, int rows) throws IOException {
            writeString(partition);
            writeString(sourceFile);
            out.writeInt(rows);
        }

        void write(Buffered row) throws IOException {
            out.writeInt(row.sourceRow());
            Object[] values = row.values();
            for (int i = 0; i < types.length; i++) {
                Object value = values[i];
                out.writeBoolean(value != null);
                if (value == null) {
                    continue;
                }
                switch (types[i]) {
                    case TEXT, CODE -> {
                        if (value instanceof Binary binary) { // a row read from another run
                            out.writeInt(binary.length());
                            binary.writeTo((java.io.OutputStream) out);
                        } else {
                            writeString((String) value);
                        }
                    }
                    case INTEGER, YEAR -> out.writeInt((Integer) value);
                    case DATE -> out.writeInt(Math.toIntExact(((LocalDate) value).toEpochDay()));
                    case DECIMAL -> {
                        BigDecimal decimal = (BigDecimal) value;
                        out.writeInt(decimal.scale());
                        byte[] unscaled = decimal.unscaledValue().toByteArray();
                        out.writeInt(unscaled.length);
                        out.write(unscaled);
                    }
                    case NUMBER -> out.writeDouble((Double) value);
                    case BOOLEAN -> out.writeBoolean((Boolean) value);
                }
            }
        }

        private void writeString(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Reads a run block by block: {@link #partition()} names the block at hand, {@link #next()} takes its rows while
     * {@link #hasNext()}, and {@link #nextBlock()} moves on once they are all taken.
     */
    static final class Reader implements Closeable {
        private final DataInputStream in;
        private final ValueType[] types;
        private String partition;
        private String sourceFile;
        private int left;

        Reader(Path file, List<ValueType> types) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.types = types.toArray(ValueType[]::new);
            nextBlock();
        }

        /** The partition of the block at hand, or null at the end of the run. */
        String partition() {
            return partition;
        }

        /** The input file the block's rows come from. */
        String sourceFile() {
            return sourceFile;
        }

        /** True while the block at hand has rows not taken. */
        boolean hasNext() {
            return left > 0;
        }

        /** The rows of the block at hand not taken yet. */
        int rowsLeft() {
            return left;
        }

        /** The block's next row; {@link #nextBlock()} moves on after its last. */
        Buffered next() throws IOException {
            int sourceRow = in.readInt();
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (!in.readBoolean()) {
                    continue;
                }
                values[i] = switch (types[i]) {
                    case TEXT, CODE -> Binary.fromConstantByteArray(readBytes());
                    case INTEGER, YEAR -> in.readInt();
                    case DATE -> LocalDate.ofEpochDay(in.readInt());
                    case DECIMAL -> {
                        int scale = in.readInt();
                        yield new BigDecimal(new BigInteger(readBytes()), scale);
                    }
                    case NUMBER -> in.readDouble();
                    case BOOLEAN -> in.readBoolean();
                };
            }
            left--;
            return new Buffered(values, sourceRow);
        }

        /** Passes over the block at hand without building its rows, and moves to the next. */
        void skipBlock() throws IOException {
            for (; left > 0; left--) {
                in.skipNBytes(4); // the source row
                for (ValueType type : types) {
                    if (!in.readBoolean()) {
                        continue;
                    }
                    switch (type) {
                        case TEXT, CODE -> in.skipNBytes(in.readInt());
                        case INTEGER, YEAR, DATE -> in.skipNBytes(4);
                        case DECIMAL -> {
                            in.skipNBytes(4);
                            in.skipNBytes(in.readInt());
                        }
                        case NUMBER -> in.skipNBytes(8);
                        case BOOLEAN -> in.skipNBytes(1);
                    }
                }
            }
            nextBlock();
        }

        /** Moves to the next block, or to the end of the run; the block at hand's rows must all be taken. */
        void nextBlock() throws IOException {
            if (left > 0) {
                throw new IllegalStateException("a block of " + partition + " has " + left + " rows not taken");
            }
            do {
                try {
                    partition = new String(readBytes(), StandardCharsets.UTF_8);
                } catch (EOFException end) {
                    partition = null;
                    sourceFile = null;
                    left = 0;
                    return;
                }
                sourceFile = new String(readBytes(), StandardCharsets.UTF_8);
                left = in.readInt();
            } while (left == 0);
        }

        private byte[] readBytes() throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return bytes;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
