package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.propertyquality.review.support.TestSpark;

class ClosureRateTest {

    @Test
    void closedOverEntries() {
        assertThat(ClosureRate.of(3, 4)).isEqualTo(0.75);
        assertThat(ClosureRate.of(407, 482)).isEqualTo(407.0 / 482);
        assertThat(ClosureRate.of(1, 3)).isEqualTo(1.0 / 3);
    }

    @Test
    void noEntriesHasNoRate() {
        assertThat(ClosureRate.of(0, 0)).isNull();
    }

    @Test
    void noneClosedIsZeroAndAllClosedIsOne() {
        assertThat(ClosureRate.of(0, 5)).isEqualTo(0.0);
        assertThat(ClosureRate.of(5, 5)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "0, -1", "6, 5", "1, 0"})
    void impossibleCountsAreRejected(long closed, long entries) {
        assertThatThrownBy(() -> ClosureRate.of(closed, entries)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sparkColumnAgreesWithJavaOnEveryCase() {
        long[][] cases = {{3, 4}, {0, 0}, {0, 5}, {5, 5}, {1, 3}, {2, 3}, {407, 482}, {999_999, 1_000_000},
                {123_456_789L, 987_654_321L}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], cases[i][1]));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("closed", DataTypes.LongType, false)
                .add("entries", DataTypes.LongType, false);

        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .select(col("id"), ClosureRate.column(col("closed"), col("entries")).as("rate"))
                .orderBy("id")
                .collectAsList();

        assertThat(result).hasSize(cases.length);
        for (Row row : result) {
            long[] counts = cases[row.getInt(0)];
            Double actual = row.isNullAt(1) ? null : row.getDouble(1);
            assertThat(actual).as("closed %d of %d", counts[0], counts[1])
                    .isEqualTo(ClosureRate.of(counts[0], counts[1]));
        }
        assertThat(result.get(0).getDouble(1)).isEqualTo(0.75);
        assertThat(result.get(1).isNullAt(1)).as("zero entries").isTrue();
        assertThat(result.get(2).getDouble(1)).isEqualTo(0.0);
        assertThat(result.get(3).getDouble(1)).isEqualTo(1.0);
    }
}
