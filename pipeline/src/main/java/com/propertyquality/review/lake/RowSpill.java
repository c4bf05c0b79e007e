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

import com.propertyquality.review.contract.ValueType;

/**
 * A sorted run of validated rows spilled to disk while a large file is staged: the row's partition, its source
 * row and its typed values, in a compact binary form read back in the same order. Rows of a file that fits in
 * memory never come here.
 */
final class RowSpill {

    private RowSpill() {
    }

    /** A row waiting for its partition's turn. */
    record Buffered(String partition, Object[] values, int sourceRow) {
    }

    static final class Writer implements Closeable {
        private final DataOutputStream out;
        private final ValueType[] types;

        Writer(Path file, List<ValueType> types) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            this.types = types.toArray(ValueType[]::new);
        }

        void write(Buffered row) throws IOException {
            writeString(row.partition());
            out.writeInt(row.sourceRow());
            Object[] values = row.values();
            for (int i = 0; i < types.length; i++) {
                Object value = values[i];
                out.writeBoolean(value != null);
                if (value == null) {
                    continue;
                }
                switch (types[i]) {
                    case TEXT, CODE -> writeString((String) value);
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

    static final class Reader implements Closeable {
        private final DataInputStream in;
        private final ValueType[] types;
        private Buffered head;

        Reader(Path file, List<ValueType> types) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            this.types = types.toArray(ValueType[]::new);
            advance();
        }

        /** The next row, or null at the end of the run. */
        Buffered head() {
            return head;
        }

        void advance() throws IOException {
            String partition;
            try {
                partition = readString();
            } catch (EOFException end) {
                head = null;
                return;
            }
            int sourceRow = in.readInt();
            Object[] values = new Object[types.length];
            for (int i = 0; i < types.length; i++) {
                if (!in.readBoolean()) {
                    continue;
                }
                values[i] = switch (types[i]) {
                    case TEXT, CODE -> readString();
                    case INTEGER, YEAR -> in.readInt();
                    case DATE -> LocalDate.ofEpochDay(in.readInt());
                    case DECIMAL -> {
                        int scale = in.readInt();
                        byte[] unscaled = new byte[in.readInt()];
                        in.readFully(unscaled);
                        yield new BigDecimal(new BigInteger(unscaled), scale);
                    }
                    case NUMBER -> in.readDouble();
                    case BOOLEAN -> in.readBoolean();
                };
            }
            head = new Buffered(partition, values, sourceRow);
        }

        private String readString() throws IOException {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
