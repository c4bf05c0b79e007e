package com.propertyquality.review.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.propertyquality.review.support.TestSpark;

class ParquetRowsTest {

    private static final StructType SCHEMA = new StructType()
            .add("year", DataTypes.IntegerType).add("office_id", DataTypes.StringType)
            .add("entries", DataTypes.LongType).add("note", DataTypes.StringType);

    @TempDir
    Path dir;

    /** Two files, each holding rows of both years; the second has a row without a year. */
    private StoragePath dataset() {
        Path folder = dir.resolve("mart");
        TestSpark.session().createDataFrame(List.of(
                        RowFactory.create(2024, "A", 9L, "old"), RowFactory.create(2025, "A", 1L, "x"),
                        RowFactory.create(2025, "B", 2L, null)), SCHEMA)
                .coalesce(1).write().parquet(folder.toString());
        TestSpark.session().createDataFrame(List.of(
                        RowFactory.create(2024, "B", 8L, "old"), RowFactory.create(null, "C", 7L, "no year"),
                        RowFactory.create(2025, "C", 3L, "y")), SCHEMA)
                .coalesce(1).write().mode("append").parquet(folder.toString());
        return StoragePath.local(folder);
    }

    @Test
    void aYearsRowsHoldTheNamedColumnsAndTheYearInTheDatasetsOrder() {
        StoragePath mart = dataset();
        List<Map<String, Object>> rows = new ArrayList<>();

        ParquetRows.forEachWhere(mart, Set.of("entries", "office_id"), "year", 2025, rows::add);

        assertThat(rows).extracting(row -> row.get("entries")).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(rows).allSatisfy(row -> assertThat(row).containsOnlyKeys("year", "office_id", "entries")
                .containsEntry("year", 2025));
        // the same rows as a full read filtered afterwards, less the columns not named
        List<Map<String, Object>> whole = ParquetRows.read(mart).stream()
                .filter(row -> Integer.valueOf(2025).equals(row.get("year"))).toList();
        assertThat(rows).hasSameSizeAs(whole);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> full = whole.get(i);
            assertThat(rows.get(i)).allSatisfy((column, value) -> assertThat(full).containsEntry(column, value));
        }
    }

    @Test
    void noColumnBeyondTheYearAColumnTheFilesLackAndAYearWithoutRows() {
        StoragePath mart = dataset();
        List<Map<String, Object>> rows = new ArrayList<>();

        ParquetRows.forEachWhere(mart, new LinkedHashSet<>(List.of("no_such_column")), "year", 2024, rows::add);

        assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row).containsOnlyKeys("year"));
        List<Map<String, Object>> none = new ArrayList<>();
        ParquetRows.forEachWhere(mart, Set.of("entries"), "year", 2030, none::add);
        assertThat(none).isEmpty();
    }
}
