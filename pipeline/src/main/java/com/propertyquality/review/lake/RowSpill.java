package com.propertyquality.review.lake;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.parquet.io.api.Binary;

import com.propertyquality.review.contract.ValueType;

/**
 * A run of staged rows on the local disk, in a compact binary form read back in the order written: blocks, each the
 * rows of one partition from one input file (the partition's folder notation, the file's name, the row count and
 * the rows' length in bytes, then each row's source row and typed values). A run's blocks are in partition order, so
 * runs merge by partition without sorting anything again.
 *
 * <p>A block says its length, so a reader passes over another writer's blocks with a seek, and a merge pass copies a
 * block's bytes as they are instead of decoding and encoding every row. Both ends keep their own byte buffers: the
 * JDK's {@code DataInputStream} over a {@code BufferedInputStream} takes a lock for every byte of every value.
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
        private final OutputStream out;
        private final ValueType[] types;
        private final Bytes header = new Bytes();
        private final Bytes rows = new Bytes();
        private String partition;
        private String sourceFile;
        private int declared;
        private int written;

        Writer(Path file, List<ValueType> types) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            this.types = types.toArray(ValueType[]::new);
        }

        /** Starts a block of {@code rows} rows of one partition, all from {@code sourceFile}. */
        void block(String partition, String sourceFile, int rows) throws IOException {
            endBlock();
            this.partition = partition;
            this.sourceFile = sourceFile;
            this.declared = rows;
        }

        void write(Buffered row) {
            if (partition == null) {
                throw new IllegalStateException("a row written outside a block");
            }
            rows.putInt(row.sourceRow());
            Object[] values = row.values();
            for (int i = 0; i < types.length; i++) {
                Object value = values[i];
                rows.putBoolean(value != null);
                if (value == null) {
                    continue;
                }
                switch (types[i]) {
                    case TEXT, CODE -> rows.putSized(((String) value).getBytes(StandardCharsets.UTF_8));
                    case INTEGER, YEAR -> rows.putInt((Integer) value);
                    case DATE -> rows.putInt(Math.toIntExact(((LocalDate) value).toEpochDay()));
                    case DECIMAL -> {
                        BigDecimal decimal = (BigDecimal) value;
                        rows.putInt(decimal.scale());
                        rows.putSized(decimal.unscaledValue().toByteArray());
                    }
                    case NUMBER -> rows.putLong(Double.doubleToRawLongBits((Double) value));
                    case BOOLEAN -> rows.putBoolean((Boolean) value);
                }
            }
            written++;
        }

        /**
         * Copies the block at hand of {@code reader}, a run of the same columns, as it is; the reader is left at
         * the block's end, and its {@link Reader#nextBlock()} moves on.
         */
        void copyBlock(Reader reader) throws IOException {
            endBlock();
            writeHeader(reader.partition(), reader.sourceFile(), reader.rowsLeft(), reader.blockBytesLeft());
            reader.copyBlockTo(out);
        }

        private void endBlock() throws IOException {
            if (partition == null) {
                return;
            }
            if (written != declared) {
                throw new IllegalStateException("a block of " + partition + " declared " + declared
                        + " rows and got " + written);
            }
            writeHeader(partition, sourceFile, declared, rows.size());
            rows.writeTo(out);
            rows.clear();
            partition = null;
            written = 0;
        }

        private void writeHeader(String partition, String sourceFile, int rowCount, long length) throws IOException {
            header.putSized(partition.getBytes(StandardCharsets.UTF_8));
            header.putSized(sourceFile.getBytes(StandardCharsets.UTF_8));
            header.putInt(rowCount);
            header.putLong(length);
            header.writeTo(out);
            header.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                endBlock();
            } finally {
                out.close();
            }
        }
    }

    /**
     * Reads a run block by block: {@link #partition()} names the block at hand, {@link #next()} takes its rows while
     * {@link #hasNext()}, and {@link #nextBlock()} moves on once they are all taken.
     */
    static final class Reader implements Closeable {
        private final InputStream in;
        private final ValueType[] types;
        private final byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        /** Bytes of the run before the buffer's first. */
        private long offset;
        /** Where the block at hand ends in the run. */
        private long blockEnd;
        private String partition;
        private String sourceFile;
        private int left;

        Reader(Path file, List<ValueType> types) throws IOException {
            this.in = Files.newInputStream(file);
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

        /** The bytes of the block at hand not read yet. */
        long blockBytesLeft() {
            return blockEnd - (offset + position);
        }

        /** The block's next row; {@link #nextBlock()} moves on after its last. */
        Buffered next() throws IOException {
            if (left <= 0) {
                throw new IllegalStateException("no row left in the block of " + partition);
            }
            int sourceRow = readInt();
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (!readBoolean()) {
                    continue;
                }
                values[i] = switch (types[i]) {
                    case TEXT, CODE -> Binary.fromConstantByteArray(readSized());
                    case INTEGER, YEAR -> readInt();
                    case DATE -> LocalDate.ofEpochDay(readInt());
                    case DECIMAL -> {
                        int scale = readInt();
                        yield new BigDecimal(new BigInteger(readSized()), scale);
                    }
                    case NUMBER -> Double.longBitsToDouble(readLong());
                    case BOOLEAN -> readBoolean();
                };
            }
            left--;
            return new Buffered(values, sourceRow);
        }

        /** Passes over the block at hand without reading its rows, and moves to the next. */
        void skipBlock() throws IOException {
            skip(blockBytesLeft());
            left = 0;
            nextBlock();
        }

        /** Moves to the next block, or to the end of the run; the block at hand's rows must all be taken. */
        void nextBlock() throws IOException {
            if (left > 0) {
                throw new IllegalStateException("a block of " + partition + " has " + left + " rows not taken");
            }
            if (partition != null && blockBytesLeft() != 0) {
                throw new IllegalStateException("a block of " + partition + " ends " + blockBytesLeft()
                        + " bytes from where its length says");
            }
            do {
                if (!available(1)) {
                    partition = null;
                    sourceFile = null;
                    left = 0;
                    return;
                }
                partition = new String(readSized(), StandardCharsets.UTF_8);
                sourceFile = new String(readSized(), StandardCharsets.UTF_8);
                left = readInt();
                long length = readLong();
                blockEnd = offset + position + length;
                if (left == 0) {
                    skip(length);
                }
            } while (left == 0);
        }

        /** Writes the rest of the block at hand's bytes to {@code out} as they are; {@link #nextBlock()} moves on. */
        private void copyBlockTo(OutputStream out) throws IOException {
            long rest = blockBytesLeft();
            while (rest > 0) {
                if (position == limit && !available(1)) {
                    throw new EOFException("a run ends inside a block of " + partition);
                }
                int chunk = (int) Math.min(rest, limit - position);
                out.write(buffer, position, chunk);
                position += chunk;
                rest -= chunk;
            }
            left = 0;
        }

        private boolean readBoolean() throws IOException {
            need(1);
            return buffer[position++] != 0;
        }

        private int readInt() throws IOException {
            need(4);
            int value = (buffer[position] & 0xff) << 24 | (buffer[position + 1] & 0xff) << 16
                    | (buffer[position + 2] & 0xff) << 8 | buffer[position + 3] & 0xff;
            position += 4;
            return value;
        }

        private long readLong() throws IOException {
            long high = readInt() & 0xffffffffL;
            return high << 32 | readInt() & 0xffffffffL;
        }

        private byte[] readSized() throws IOException {
            int length = readInt();
            byte[] bytes = new byte[length];
            int done = 0;
            while (done < length) {
                if (position == limit && !available(1)) {
                    throw new EOFException("a run ends inside a value");
                }
                int chunk = Math.min(length - done, limit - position);
                System.arraycopy(buffer, position, bytes, done, chunk);
                position += chunk;
                done += chunk;
            }
            return bytes;
        }

        private void need(int bytes) throws IOException {
            if (!available(bytes)) {
                throw new EOFException("a run ends inside a block of " + partition);
            }
        }

        /** True when the buffer holds at least {@code bytes} bytes (at most 8) from the position, reading more if not. */
        private boolean available(int bytes) throws IOException {
            if (limit - position >= bytes) {
                return true;
            }
            int kept = limit - position;
            System.arraycopy(buffer, position, buffer, 0, kept);
            offset += position;
            position = 0;
            limit = kept;
            while (limit < bytes) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    return false;
                }
                limit += read;
            }
            return true;
        }

        private void skip(long bytes) throws IOException {
            long inBuffer = Math.min(bytes, limit - position);
            position += (int) inBuffer;
            long rest = bytes - inBuffer;
            if (rest > 0) {
                in.skipNBytes(rest); // a seek on a file
                offset += limit + rest;
                position = 0;
                limit = 0;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A growable byte array written big-endian, without the locks of the JDK's streams. */
    private static final class Bytes {
        private byte[] bytes = new byte[1 << 12];
        private int size;

        int size() {
            return size;
        }

        void putBoolean(boolean value) {
            room(1);
            bytes[size++] = (byte) (value ? 1 : 0);
        }

        void putInt(int value) {
            room(4);
            bytes[size] = (byte) (value >>> 24);
            bytes[size + 1] = (byte) (value >>> 16);
            bytes[size + 2] = (byte) (value >>> 8);
            bytes[size + 3] = (byte) value;
            size += 4;
        }

        void putLong(long value) {
            putInt((int) (value >>> 32));
            putInt((int) value);
        }

        /** The length, then the bytes. */
        void putSized(byte[] value) {
            putInt(value.length);
            room(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(bytes, 0, size);
        }

        void clear() {
            size = 0;
        }

        private void room(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
