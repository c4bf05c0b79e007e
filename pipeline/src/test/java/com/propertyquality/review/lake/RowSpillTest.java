package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.contract.ValueType;
import com.propertyquality.review.lake.RowSpill.Buffered;

/** A run gives back every value as written, passes over blocks, and copies blocks as they are. */
class RowSpillTest {

    private static final List<ValueType> TYPES = List.of(ValueType.TEXT, ValueType.CODE, ValueType.INTEGER,
            ValueType.YEAR, ValueType.DATE, ValueType.DECIMAL, ValueType.NUMBER, ValueType.BOOLEAN);

    @TempDir
    Path folder;

    @Test
    void everyValueComesBackAsWrittenAcrossTheReadersBuffer() throws IOException {
        // a text longer than the reader's 64 KB buffer, and enough rows for many refills
        String longText = "物业".repeat(40_000);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            rows.add(new Object[] {i % 7 == 0 ? null : "住户" + i, "code" + (i % 3), i - 1_500, 2025,
                    LocalDate.of(2025, 1, 1).plusDays(i), new BigDecimal("-12345678901234567890.25").add(
                    BigDecimal.valueOf(i)), i / 3.0, i % 2 == 0});
        }
        rows.add(new Object[] {longText, null, null, null, null, null, null, null});
        Path run = folder.resolve("run.bin");
        try (RowSpill.Writer writer = new RowSpill.Writer(run, TYPES)) {
            writer.block("year=2025/office_id=A", "a.csv", 1_000);
            for (int i = 0; i < 1_000; i++) {
                writer.write(new Buffered(rows.get(i), i + 2));
            }
            writer.block("year=2025/office_id=B", "b.csv", rows.size() - 1_000);
            for (int i = 1_000; i < rows.size(); i++) {
                writer.write(new Buffered(rows.get(i), i + 2));
            }
        }

        try (RowSpill.Reader reader = new RowSpill.Reader(run, TYPES)) {
            int index = 0;
            for (String partition : List.of("year=2025/office_id=A", "year=2025/office_id=B")) {
                assertThat(reader.partition()).isEqualTo(partition);
                while (reader.hasNext()) {
                    Buffered row = reader.next();
                    assertThat(row.sourceRow()).isEqualTo(index + 2);
                    assertThat(decoded(row.values())).as("row %d", index).containsExactly(rows.get(index));
                    index++;
                }
                reader.nextBlock();
            }
            assertThat(index).isEqualTo(rows.size());
            assertThat(reader.partition()).isNull();
        }
    }

    @Test
    void blocksPassedOverOrCopiedLeaveTheOthersIntact() throws IOException {
        // blocks of about 100 KB: passing over one seeks past the reader's 64 KB buffer
        String padding = "x".repeat(200);
        Path run = folder.resolve("run.bin");
        try (RowSpill.Writer writer = new RowSpill.Writer(run, TYPES)) {
            for (String office : List.of("A", "B", "C", "D")) {
                writer.block("office_id=" + office, office + ".csv", 500);
                for (int i = 0; i < 500; i++) {
                    writer.write(new Buffered(new Object[] {office + i + padding, null, i, null, null, null, null, null},
                            i));
                }
            }
        }
        // B and D copied as they are into a second run; A and C passed over
        Path copy = folder.resolve("copy.bin");
        try (RowSpill.Reader reader = new RowSpill.Reader(run, TYPES);
             RowSpill.Writer writer = new RowSpill.Writer(copy, TYPES)) {
            reader.skipBlock();
            writer.copyBlock(reader);
            reader.nextBlock();
            assertThat(reader.partition()).isEqualTo("office_id=C");
            reader.next(); // a block partly read is passed over from where it is
            reader.skipBlock();
            writer.copyBlock(reader);
            reader.nextBlock();
            assertThat(reader.partition()).isNull();
        }
        try (RowSpill.Reader reader = new RowSpill.Reader(copy, TYPES)) {
            for (String office : List.of("B", "D")) {
                assertThat(reader.partition()).isEqualTo("office_id=" + office);
                assertThat(reader.sourceFile()).isEqualTo(office + ".csv");
                assertThat(reader.rowsLeft()).isEqualTo(500);
                for (int i = 0; i < 500; i++) {
                    Buffered row = reader.next();
                    assertThat(row.sourceRow()).isEqualTo(i);
                    assertThat(decoded(row.values())[0]).isEqualTo(office + i + padding);
                    assertThat(row.values()[2]).isEqualTo(i);
                }
                reader.nextBlock();
            }
            assertThat(reader.partition()).isNull();
        }
    }

    @Test
    void aBlockOfOtherThanItsDeclaredRowsOrACutRunIsAnError() throws IOException {
        Path run = folder.resolve("run.bin");
        RowSpill.Writer writer = new RowSpill.Writer(run, TYPES);
        writer.block("office_id=A", "a.csv", 2);
        writer.write(new Buffered(new Object[TYPES.size()], 2));
        assertThatThrownBy(writer::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declared 2 rows and got 1");

        Path whole = folder.resolve("whole.bin");
        try (RowSpill.Writer complete = new RowSpill.Writer(whole, TYPES)) {
            complete.block("office_id=A", "a.csv", 2);
            complete.write(new Buffered(new Object[] {"x", null, 1, null, null, null, null, null}, 2));
            complete.write(new Buffered(new Object[] {"y", null, 2, null, null, null, null, null}, 3));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = folder.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 3));
        try (RowSpill.Reader reader = new RowSpill.Reader(cut, TYPES)) {
            reader.next();
            assertThatThrownBy(reader::next).isInstanceOf(java.io.EOFException.class);
        }
    }

    /** Text read back is Parquet's Binary (the stored UTF-8 bytes); as strings, to compare with what was written. */
    private static Object[] decoded(Object[] values) {
        Object[] decoded = values.clone();
        for (int i = 0; i < decoded.length; i++) {
            if (decoded[i] instanceof Binary binary) {
                decoded[i] = new String(binary.getBytes(), StandardCharsets.UTF_8);
            }
        }
        return decoded;
    }
}
