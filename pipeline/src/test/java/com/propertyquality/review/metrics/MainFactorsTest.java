package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.metrics.MainFactors.Factor;
import com.propertyquality.review.support.TestSpark;

class MainFactorsTest {

    @Test
    void theThresholdIsEightyPercent() {
        assertThat(MainFactors.THRESHOLD).isEqualByComparingTo(new BigDecimal("0.8"));
    }

    @Test
    void aFirstAreaWithEightyPercentOrMoreIsTheOnlyMainFactor() {
        // 8 of 10 = 80%: the second area has 80% before it, which is not below 80%
        assertThat(MainFactors.flags(List.of(8L, 1L, 1L))).containsExactly(true, false, false);
        assertThat(MainFactors.flags(List.of(9L, 1L))).containsExactly(true, false);
        assertThat(MainFactors.flags(List.of(5L))).containsExactly(true);
    }

    @Test
    void theAreaThatCrossesEightyPercentIsIncluded() {
        // 4, 3, 2, 1 of 10: before the third 70% < 80% (it takes the total to 90%), before the fourth 90%
        assertThat(MainFactors.flags(List.of(4L, 3L, 2L, 1L))).containsExactly(true, true, true, false);
        // 5, 3 reach exactly 80%: the area after them has 80% before it and is not a main factor
        assertThat(MainFactors.flags(List.of(5L, 3L, 1L, 1L))).containsExactly(true, true, false, false);
    }

    @Test
    void theSampleCompanysComplaintsMakeFiveMainFactors() {
        // data/sample/README.md: 482 complaints; 0.8 × 482 = 385.6; before water_power 381 < 385.6, before fees 400
        List<Long> counts = List.of(175L, 77L, 72L, 57L, 19L, 18L, 17L, 17L, 13L, 6L, 4L, 4L, 3L);
        assertThat(MainFactors.flags(counts))
                .containsExactly(true, true, true, true, true, false, false, false, false, false, false, false, false);
    }

    @Test
    void paretoOrdersByComplaintsThenAreaCodeAndLeavesOutAreasWithoutComplaints() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("parking", 3L);
        counts.put("fees", 1L);
        counts.put("lift", 3L);
        counts.put("greening", 0L);
        counts.put("environment", 5L);

        List<Factor> pareto = MainFactors.pareto(counts);

        // total 12, 0.8 × 12 = 9.6; before: 0, 5, 8, 11
        assertThat(pareto).containsExactly(
                new Factor("environment", 5, 1, 5.0 / 12, 5.0 / 12, true),
                new Factor("lift", 3, 2, 3.0 / 12, 8.0 / 12, true),
                new Factor("parking", 3, 3, 3.0 / 12, 11.0 / 12, true),
                new Factor("fees", 1, 4, 1.0 / 12, 12.0 / 12, false));
        assertThat(pareto.get(1).share()).isEqualTo(0.25);
        assertThat(pareto.get(3).cumulativeShare()).isEqualTo(1.0);
        assertThat(MainFactors.pareto(Map.of())).isEmpty();
    }

    @Test
    void countsOutOfOrderOrNotPositiveAreRejected() {
        assertThatThrownBy(() -> MainFactors.flags(List.of(1L, 2L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MainFactors.flags(List.of(2L, 0L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MainFactors.isMainFactor(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MainFactors.isMainFactor(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sparkColumnAgreesWithJavaAtTheBoundaries() {
        long[][] cases = {{0, 1}, {4, 5}, {3, 5}, {8, 10}, {7, 10}, {381, 482}, {385, 482}, {386, 482},
                {79, 100}, {80, 100}, {799_999_999_999L, 1_000_000_000_000L}, {800_000_000_000L, 1_000_000_000_000L}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], cases[i][1]));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("before", DataTypes.LongType, false)
                .add("total", DataTypes.LongType, false);

        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .select(col("id"), MainFactors.column(col("before"), col("total")).as("main"))
                .orderBy("id")
                .collectAsList();

        for (Row row : result) {
            long[] c = cases[row.getInt(0)];
            assertThat(row.getBoolean(1)).as("%d before of %d", c[0], c[1])
                    .isEqualTo(MainFactors.isMainFactor(c[0], c[1]));
        }
        assertThat(result.stream().map(r -> r.getBoolean(1)).toList())
                .containsExactly(true, false, true, false, true, true, true, false, true, false, true, false);
    }

    @Test
    void sparkOrderWindowGivesTheJavaPareto() {
        Map<String, Long> counts = Map.of("parking", 3L, "fees", 1L, "lift", 3L, "environment", 5L, "security", 1L);
        List<Row> rows = new ArrayList<>();
        counts.forEach((area, count) -> rows.add(RowFactory.create(area, count)));
        StructType schema = new StructType()
                .add("area", DataTypes.StringType, false)
                .add("complaints", DataTypes.LongType, false);
        WindowSpec ordered = Window.orderBy(MainFactors.order(col("complaints"), col("area")));

        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .withColumn("rank", row_number().over(ordered))
                .withColumn("running", sum(col("complaints")).over(
                        ordered.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                .withColumn("main", MainFactors.column(col("running").minus(col("complaints")), lit(13L)))
                .orderBy("rank")
                .collectAsList();

        List<Factor> expected = MainFactors.pareto(counts);
        assertThat(result).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Row row = result.get(i);
            Factor factor = expected.get(i);
            assertThat(row.<String>getAs("area")).isEqualTo(factor.area());
            assertThat(row.<Integer>getAs("rank")).isEqualTo(factor.rank());
            assertThat(row.<Boolean>getAs("main")).isEqualTo(factor.mainFactor());
        }
        // environment 5, lift 3, parking 3, fees 1, security 1: 0.8 × 13 = 10.4; before parking 8, before fees 11
        assertThat(result.stream().map(r -> r.<String>getAs("area")).toList())
                .containsExactly("environment", "lift", "parking", "fees", "security");
        assertThat(expected.stream().map(Factor::mainFactor).toList()).containsExactly(true, true, true, false, false);
    }

    @Test
    void anActionAddressesTheYearItIsOpenedInOrTheYearBeforeUpToThatYearsMeeting() {
        LocalDate meeting = LocalDate.of(2026, 1, 15);
        // opened in the year
        assertThat(MainFactors.addresses(LocalDate.of(2025, 1, 1), 2025, meeting)).isTrue();
        assertThat(MainFactors.addresses(LocalDate.of(2025, 12, 31), 2025, meeting)).isTrue();
        // in January, up to the meeting day itself: December's main factor has its action
        assertThat(MainFactors.addresses(LocalDate.of(2026, 1, 10), 2025, meeting)).isTrue();
        assertThat(MainFactors.addresses(LocalDate.of(2026, 1, 15), 2025, meeting)).isTrue();
        // after the meeting, or the year before: not this year's
        assertThat(MainFactors.addresses(LocalDate.of(2026, 1, 16), 2025, meeting)).isFalse();
        assertThat(MainFactors.addresses(LocalDate.of(2024, 12, 31), 2025, meeting)).isFalse();
        // without a meeting date only the year itself
        assertThat(MainFactors.addresses(LocalDate.of(2026, 1, 10), 2025, null)).isFalse();
        assertThat(MainFactors.addresses(LocalDate.of(2025, 6, 1), 2025, null)).isTrue();
        assertThat(MainFactors.addresses(null, 2025, meeting)).isFalse();
    }

    @Test
    void theSparkFormOfAddressesAgreesWithJava() {
        String[][] cases = {
                {"2025-01-01", "2025", "2026-01-15"}, {"2025-12-31", "2025", "2026-01-15"},
                {"2026-01-10", "2025", "2026-01-15"}, {"2026-01-15", "2025", "2026-01-15"},
                {"2026-01-16", "2025", "2026-01-15"}, {"2024-12-31", "2025", "2026-01-15"},
                {"2026-01-10", "2025", null}, {"2025-06-01", "2025", null}, {null, "2025", "2026-01-15"}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], Integer.valueOf(cases[i][1]), cases[i][2]));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("opened", DataTypes.StringType)
                .add("year", DataTypes.IntegerType).add("meeting", DataTypes.StringType);
        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .select(col("id"), MainFactors.addressesColumn(col("opened").cast("date"), col("year"),
                        col("meeting").cast("date")).as("addresses"))
                .orderBy("id").collectAsList();
        for (int i = 0; i < cases.length; i++) {
            boolean java = MainFactors.addresses(cases[i][0] == null ? null : LocalDate.parse(cases[i][0]),
                    Integer.parseInt(cases[i][1]), cases[i][2] == null ? null : LocalDate.parse(cases[i][2]));
            assertThat(result.get(i).getBoolean(1)).as("case %d", i).isEqualTo(java);
        }
    }
}
