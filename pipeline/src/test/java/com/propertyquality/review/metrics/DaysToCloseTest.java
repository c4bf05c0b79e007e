package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

class DaysToCloseTest {

    @Test
    void daysAreWholeDaysFromReceivedToClosed() {
        assertThat(DaysToClose.days(LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 2))).isZero();
        assertThat(DaysToClose.days(LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2))).isEqualTo(3);
        assertThat(DaysToClose.days(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1))).isEqualTo(2);
    }

    @Test
    void oddCountMedianIsTheMiddleValueAndP90Interpolates() {
        // sorted 1, 3, 5: median position 1 → 3; p90 position 2 × 0.9 = 1.8 → 0.2 × 3 + 0.8 × 5 = 4.6
        List<Integer> days = List.of(5, 1, 3);
        assertThat(DaysToClose.percentileOf(days, DaysToClose.MEDIAN)).isEqualTo(3.0);
        assertThat(DaysToClose.percentileOf(days, DaysToClose.P90)).isCloseTo(4.6, within(1e-9));
    }

    @Test
    void evenCountMedianIsTheMeanOfTheTwoMiddleValues() {
        // sorted 1, 2, 3, 10: median position 1.5 → 2.5; p90 position 3 × 0.9 = 2.7 → 0.3 × 3 + 0.7 × 10 = 7.9
        List<Integer> days = List.of(10, 1, 3, 2);
        assertThat(DaysToClose.percentileOf(days, DaysToClose.MEDIAN)).isEqualTo(2.5);
        assertThat(DaysToClose.percentileOf(days, DaysToClose.P90)).isCloseTo(7.9, within(1e-9));
    }

    @Test
    void oneValueAndNoValues() {
        assertThat(DaysToClose.percentileOf(List.of(7), DaysToClose.P90)).isEqualTo(7.0);
        assertThat(DaysToClose.percentileOf(List.of(), DaysToClose.MEDIAN)).isNull();
    }

    @Test
    void sparkPercentileAgreesWithJavaExactly() {
        Map<String, List<Integer>> groups = new TreeMap<>(Map.of(
                "odd", List.of(5, 1, 3),
                "even", List.of(10, 1, 3, 2),
                "ties", List.of(4, 4, 9, 4),
                "one", List.of(7),
                "many", List.of(0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 39)));
        List<Row> rows = new ArrayList<>();
        groups.forEach((group, days) -> days.forEach(d -> rows.add(RowFactory.create(group, d))));
        rows.add(RowFactory.create("none", null));
        StructType schema = new StructType()
                .add("group", DataTypes.StringType, false)
                .add("days", DataTypes.IntegerType, true);

        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .groupBy("group")
                .agg(DaysToClose.percentileColumn(col("days"), DaysToClose.MEDIAN).as("median"),
                        DaysToClose.percentileColumn(col("days"), DaysToClose.P90).as("p90"),
                        // the mart's form: both from one aggregation buffer
                        DaysToClose.percentilesColumn(col("days"), DaysToClose.MEDIAN, DaysToClose.P90).as("both"))
                .collectAsList();

        assertThat(result).hasSize(6);
        for (Row row : result) {
            String group = row.getString(0);
            List<Integer> days = groups.getOrDefault(group, List.of());
            assertThat(row.isNullAt(1) ? null : row.getDouble(1)).as(group + " median")
                    .isEqualTo(DaysToClose.percentileOf(days, DaysToClose.MEDIAN));
            assertThat(row.isNullAt(2) ? null : row.getDouble(2)).as(group + " p90")
                    .isEqualTo(DaysToClose.percentileOf(days, DaysToClose.P90));
            if (days.isEmpty()) {
                assertThat(row.isNullAt(3)).as(group + " both").isTrue();
            } else {
                assertThat(row.<Double>getList(3)).as(group + " both").containsExactly(
                        DaysToClose.percentileOf(days, DaysToClose.MEDIAN),
                        DaysToClose.percentileOf(days, DaysToClose.P90));
            }
        }
        // the mart's form: each group's days sorted in an array with room to spare
        groups.forEach((group, days) -> {
            int[] sorted = java.util.Arrays.copyOf(days.stream().mapToInt(Integer::intValue).sorted().toArray(),
                    days.size() + 3);
            for (double p : new double[] {DaysToClose.MEDIAN, DaysToClose.P90}) {
                assertThat(DaysToClose.percentileOfSorted(sorted, days.size(), p)).as(group + " " + p)
                        .isEqualTo(DaysToClose.percentileOf(days, p));
            }
        });
        assertThat(DaysToClose.percentileOfSorted(new int[4], 0, DaysToClose.MEDIAN)).isNull();
        // ties 4, 4, 4, 9: median 4; p90 position 2.7 → 0.3 × 4 + 0.7 × 9 = 7.5
        assertThat(DaysToClose.percentileOf(groups.get("ties"), DaysToClose.MEDIAN)).isEqualTo(4.0);
        assertThat(DaysToClose.percentileOf(groups.get("ties"), DaysToClose.P90)).isCloseTo(7.5, within(1e-9));
        // 11 values 0 … 39: median position 5 → 5; p90 position 9 → 34
        assertThat(DaysToClose.percentileOf(groups.get("many"), DaysToClose.MEDIAN)).isEqualTo(5.0);
        assertThat(DaysToClose.percentileOf(groups.get("many"), DaysToClose.P90)).isEqualTo(34.0);
    }

    @Test
    void aPercentileOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> DaysToClose.percentileOf(List.of(1, 2), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DaysToClose.percentileOfSorted(new int[] {1, 2}, 2, -0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DaysToClose.percentileOfSorted(new int[] {1, 2}, 3, DaysToClose.MEDIAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count 3");
        assertThatThrownBy(() -> DaysToClose.percentilesColumn(col("days"), DaysToClose.MEDIAN, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
    }

    @Test
    void sparkDaysAgreeWithJava() {
        LocalDate[][] cases = {
                {LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 2)},
                {LocalDate.of(2025, 12, 30), LocalDate.of(2026, 1, 2)},
                {LocalDate.of(2024, 2, 28), LocalDate.of(2024, 3, 1)}};
        for (LocalDate[] c : cases) {
            Row row = TestSpark.session().range(1)
                    .select(DaysToClose.daysColumn(lit(c[0]), lit(c[1])).as("days"))
                    .first();
            assertThat((long) row.getInt(0)).isEqualTo(DaysToClose.days(c[0], c[1]));
        }
    }
}
