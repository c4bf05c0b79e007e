package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

class OpenFeedbackTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 10);

    /** status, received_on, closed_on, open at as-of, open over 30 days: worked out by hand. */
    private static final Object[][] CASES = {
            // open, 31 days old (2025-12-10 → 2026-01-10): over
            {"open", LocalDate.of(2025, 12, 10), null, true, true},
            // open, exactly 30 days old: not over
            {"open", LocalDate.of(2025, 12, 11), null, true, false},
            // open, received on the as-of date
            {"open", AS_OF, null, true, false},
            // received after the as-of date: not open at it
            {"open", LocalDate.of(2026, 1, 11), null, false, false},
            {"closed", LocalDate.of(2026, 1, 11), LocalDate.of(2026, 1, 12), false, false},
            // closed after the as-of date: open at it, 40 days old
            {"closed", LocalDate.of(2025, 12, 1), LocalDate.of(2026, 1, 15), true, true},
            // closed on the as-of date: closed
            {"closed", LocalDate.of(2025, 12, 1), AS_OF, false, false},
            {"closed", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 5), false, false},
            // status open wins over a closed_on the register accepted anyway
            {"open", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 5), true, true},
    };

    @Test
    void javaRuleOnTheHandWorkedCases() {
        for (Object[] c : CASES) {
            String status = (String) c[0];
            LocalDate received = (LocalDate) c[1];
            LocalDate closed = (LocalDate) c[2];
            assertThat(OpenFeedback.isOpenAt(status, received, closed, AS_OF)).as("open %s", Arrays.toString(c))
                    .isEqualTo(c[3]);
            assertThat(OpenFeedback.isOpenOverDays(status, received, closed, AS_OF)).as("over %s", Arrays.toString(c))
                    .isEqualTo(c[4]);
        }
    }

    @Test
    void sparkColumnsAgreeWithJava() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < CASES.length; i++) {
            rows.add(RowFactory.create(i, CASES[i][0], CASES[i][1], CASES[i][2]));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("status", DataTypes.StringType)
                .add("received_on", DataTypes.DateType)
                .add("closed_on", DataTypes.DateType);

        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .select(col("id"),
                        OpenFeedback.openAtColumn(col("status"), col("received_on"), col("closed_on"), AS_OF),
                        OpenFeedback.openOverDaysColumn(col("status"), col("received_on"), col("closed_on"), AS_OF))
                .orderBy("id")
                .collectAsList();

        assertThat(result).hasSize(CASES.length);
        for (Row row : result) {
            Object[] c = CASES[row.getInt(0)];
            assertThat(row.isNullAt(1)).isFalse();
            assertThat(row.getBoolean(1)).as("open %s", Arrays.toString(c)).isEqualTo(c[3]);
            assertThat(row.getBoolean(2)).as("over %s", Arrays.toString(c)).isEqualTo(c[4]);
        }
    }
}
