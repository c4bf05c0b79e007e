package com.propertyquality.review.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

import static org.apache.spark.sql.functions.col;

/** The review schedule and trigger thresholds, at their boundaries, in Java and in Spark alike. */
class ReviewTriggersTest {

    @Test
    void theThresholdsAreThoseOfTheProcedureAndTheDocumentation() {
        assertThat(ReviewTriggers.MAX_MONTHS_BETWEEN_REVIEWS).isEqualTo(12);
        assertThat(ReviewTriggers.SATISFACTION_DROP_POINTS).isEqualByComparingTo("5");
        assertThat(ReviewTriggers.NONCONFORMITY_LIMIT).isEqualTo(5);
    }

    @Test
    void scheduleInJavaAndSparkAgree() {
        List<LocalDate[]> cases = List.of(
                dates("2023-11-20", "2024-12-20"),   // 13 months: late
                dates("2024-12-20", "2025-11-28"),   // 11 months
                dates("2025-01-10", "2026-01-10"),   // exactly 12 months: on time
                dates("2025-01-10", "2026-01-15"),   // 12 months and 5 days: late
                dates("2025-01-31", "2025-02-28"),   // month end: 1 month
                dates("2024-02-29", "2025-02-28"));  // leap day + 12 months = 28 Feb: on time
        Integer[] months = {13, 11, 12, 12, 1, 12};
        Boolean[] within = {false, true, true, false, true, true};
        StructType schema = new StructType().add("previous", DataTypes.DateType).add("meeting", DataTypes.DateType);
        SparkSession spark = TestSpark.session();
        Dataset<Row> frame = spark.createDataFrame(cases.stream().map(c -> RowFactory.create(c[0], c[1])).toList(),
                schema);
        List<Row> spark1 = frame.select(
                ReviewTriggers.wholeMonthsColumn(col("previous"), col("meeting")),
                ReviewTriggers.withinIntervalColumn(col("previous"), col("meeting")),
                ReviewTriggers.dueByColumn(col("previous"))).collectAsList();
        for (int i = 0; i < cases.size(); i++) {
            LocalDate previous = cases.get(i)[0];
            LocalDate meeting = cases.get(i)[1];
            assertThat(ReviewTriggers.wholeMonths(previous, meeting)).as("months %d", i).isEqualTo(months[i]);
            assertThat(ReviewTriggers.withinInterval(previous, meeting)).as("within %d", i).isEqualTo(within[i]);
            assertThat(spark1.get(i).getInt(0)).as("spark months %d", i).isEqualTo(months[i]);
            assertThat(spark1.get(i).getBoolean(1)).as("spark within %d", i).isEqualTo(within[i]);
            assertThat(spark1.get(i).getDate(2).toLocalDate()).isEqualTo(ReviewTriggers.dueBy(previous));
        }
        assertThat(ReviewTriggers.withinInterval(null, LocalDate.of(2025, 1, 1))).isNull();
        assertThat(ReviewTriggers.wholeMonths(null, LocalDate.of(2025, 1, 1))).isNull();
    }

    @Test
    void aDropOfExactlyFivePointsIsNoTriggerAndFivePointOneIs() {
        // 20/20 → 19/20: exactly 5.0 points (as doubles, (0.95 − 1.0) × 100 is −5.000000000000004)
        assertThat(ReviewTriggers.satisfactionDropped(20, 0, 19, 1)).isFalse();
        // 7/8 = 0.875 → 103/125 = 0.824: 5.1 points
        assertThat(ReviewTriggers.satisfactionDropped(7, 1, 103, 22)).isTrue();
        assertThat(ReviewTriggers.satisfactionDropped(0, 0, 1, 9)).isFalse();
        assertThat(ReviewTriggers.satisfactionDropped(9, 1, 0, 0)).isFalse();
        assertThat(ReviewTriggers.satisfactionDropped(1, 9, 9, 1)).isFalse();

        StructType schema = new StructType().add("q0", DataTypes.LongType).add("u0", DataTypes.LongType)
                .add("q1", DataTypes.LongType).add("u1", DataTypes.LongType);
        List<Row> rows = List.of(RowFactory.create(20L, 0L, 19L, 1L), RowFactory.create(7L, 1L, 103L, 22L),
                RowFactory.create(0L, 0L, 1L, 9L), RowFactory.create(1L, 9L, 9L, 1L));
        List<Row> out = TestSpark.session().createDataFrame(rows, schema)
                .select(ReviewTriggers.satisfactionDroppedColumn(col("q0"), col("u0"), col("q1"), col("u1")))
                .collectAsList();
        assertThat(out).extracting(r -> r.getBoolean(0)).containsExactly(false, true, false, false);
    }

    @Test
    void seriousNonconformityAtTheLimitOrAnyInAnExternalInspection() {
        assertThat(ReviewTriggers.seriousNonconformity("quality_monthly", 5)).isTrue();
        assertThat(ReviewTriggers.seriousNonconformity("quality_monthly", 4)).isFalse();
        assertThat(ReviewTriggers.seriousNonconformity("external", 1)).isTrue();
        assertThat(ReviewTriggers.seriousNonconformity("external", 0)).isFalse();
        assertThat(ReviewTriggers.seriousNonconformity("external", null)).isFalse();

        StructType schema = new StructType().add("level", DataTypes.StringType)
                .add("n", DataTypes.IntegerType);
        List<Row> rows = List.of(RowFactory.create("quality_monthly", 5), RowFactory.create("quality_monthly", 4),
                RowFactory.create("external", 1), RowFactory.create("external", 0), RowFactory.create("external", null));
        List<Row> out = TestSpark.session().createDataFrame(rows, schema)
                .select(ReviewTriggers.seriousNonconformityColumn(col("level"), col("n"))).collectAsList();
        assertThat(out).extracting(r -> r.getBoolean(0)).containsExactly(true, false, true, false, false);
    }

    private static LocalDate[] dates(String previous, String meeting) {
        return new LocalDate[] {LocalDate.parse(previous), LocalDate.parse(meeting)};
    }
}
