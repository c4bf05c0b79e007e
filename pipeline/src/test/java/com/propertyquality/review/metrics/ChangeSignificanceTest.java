package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

class ChangeSignificanceTest {

    @Test
    void textbookPairIsNotSignificantOnAHundredButIsOnTwoHundredEach() {
        // 40% this year against 50% last year, 100 forms each: pooled = (40 + 50)/200 = 0.45;
        // se = √(0.45 · 0.55 · (1/100 + 1/100)) = √0.00495 = 0.0703562364; z = −0.1/0.0703562364 = −1.4213381
        assertThat(ChangeSignificance.statistic(0.4, 100, 0.5, 100)).isCloseTo(-1.4213381090, within(1e-9));
        assertThat(ChangeSignificance.of(0.4, 100, 0.5, 100)).isFalse();
        // the same rates on 200 forms each: se = √(0.2475 · 0.01) = 0.0497493719; z = −2.0100756 (|z| > 1.96)
        assertThat(ChangeSignificance.statistic(0.4, 200, 0.5, 200)).isCloseTo(-2.0100756305, within(1e-9));
        assertThat(ChangeSignificance.of(0.4, 200, 0.5, 200)).isTrue();
    }

    @Test
    void aThreeTenthsPointDropOnFortyFormsIsNoNews() {
        // 84.7% against 85.0%, 40 forms each: pooled = 0.8485; se = √(0.8485 · 0.1515 · 0.05) = 0.0801731
        // z = −0.003/0.0801731 = −0.0374200
        assertThat(ChangeSignificance.statistic(0.847, 40, 0.85, 40)).isCloseTo(-0.0374200198, within(1e-9));
        assertThat(ChangeSignificance.of(0.847, 40, 0.85, 40)).isFalse();
    }

    @Test
    void aLargeDropOnManyFormsIsSignificant() {
        // 80% against 85%, 2000 forms each: pooled = 0.825; se = √(0.825 · 0.175 · 0.001) = 0.0120156
        // z = −0.05/0.0120156 = −4.1612519
        assertThat(ChangeSignificance.statistic(0.80, 2000, 0.85, 2000)).isCloseTo(-4.1612518929, within(1e-9));
        assertThat(ChangeSignificance.of(0.80, 2000, 0.85, 2000)).isTrue();
        // a rise is tested the same way, two-sided
        assertThat(ChangeSignificance.of(0.85, 2000, 0.80, 2000)).isTrue();
    }

    @Test
    void noVarianceIsNotSignificantNotAnError() {
        // all satisfied both years, or all unsatisfied both years: pooled = 1 or 0, nothing moved
        assertThat(ChangeSignificance.of(1.0, 30, 1.0, 50)).isFalse();
        assertThat(ChangeSignificance.of(0.0, 30, 0.0, 50)).isFalse();
        assertThat(ChangeSignificance.statistic(1.0, 30, 1.0, 50)).isEqualTo(0.0);
    }

    @Test
    void zeroOfNAgainstNOfNOnSmallSamples() {
        // 0 of 3 against 3 of 3: pooled = 0.5; se = √(0.25 · 2/3) = 0.4082483; z = −1/0.4082483 = −2.4494897
        assertThat(ChangeSignificance.statistic(0.0, 3, 1.0, 3)).isCloseTo(-2.4494897428, within(1e-9));
        assertThat(ChangeSignificance.of(0.0, 3, 1.0, 3)).isTrue();
        // 1 of 2 against 2 of 2: pooled = 0.75; se = √(0.1875 · 1) = 0.4330127; z = −0.5/0.4330127 = −1.1547005
        assertThat(ChangeSignificance.of(0.5, 2, 1.0, 2)).isFalse();
    }

    @Test
    void noRateOrNoUnitsInEitherYearIsNoTest() {
        assertThat(ChangeSignificance.of(0.8, 40, null, 0)).isNull();
        assertThat(ChangeSignificance.of(null, 0, 0.8, 40)).isNull();
        assertThat(ChangeSignificance.of(0.8, 40, 0.7, 0)).isNull();
        assertThat(ChangeSignificance.of(0.8, 0, 0.7, 40)).isNull();
        assertThatThrownBy(() -> ChangeSignificance.of(0.8, -1, 0.7, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void sparkColumnAgreesWithJavaOnEveryCase() {
        Object[][] cases = {
                {0.4, 100L, 0.5, 100L}, {0.4, 200L, 0.5, 200L}, {0.847, 40L, 0.85, 40L}, {0.80, 2000L, 0.85, 2000L},
                {1.0, 30L, 1.0, 50L}, {0.0, 30L, 0.0, 50L}, {0.0, 3L, 1.0, 3L}, {0.8, 40L, null, null},
                {0.8, 40L, 0.7, 0L}, {null, null, 0.7, 40L}, {0.9, 123_456L, 0.899, 120_000L}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], cases[i][1], cases[i][2], cases[i][3]));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("rate", DataTypes.DoubleType, true)
                .add("n", DataTypes.LongType, true)
                .add("previous", DataTypes.DoubleType, true)
                .add("previous_n", DataTypes.LongType, true);
        Dataset<Row> table = TestSpark.session().createDataFrame(rows, schema);

        List<Row> result = table.select(col("id"), ChangeSignificance.column(col("rate"), col("n"),
                        col("previous"), col("previous_n")).as("significant"))
                .orderBy("id").collectAsList();

        assertThat(result).hasSize(cases.length);
        for (Row row : result) {
            Object[] c = cases[row.getInt(0)];
            Boolean expected = ChangeSignificance.of((Double) c[0], c[1] == null ? 0 : (Long) c[1], (Double) c[2],
                    c[3] == null ? 0 : (Long) c[3]);
            Boolean actual = row.isNullAt(1) ? null : row.getBoolean(1);
            assertThat(actual).as("%s of %s against %s of %s", c[0], c[1], c[2], c[3]).isEqualTo(expected);
        }
        assertThat(result.get(0).getBoolean(1)).isFalse();
        assertThat(result.get(1).getBoolean(1)).isTrue();
        assertThat(result.get(4).getBoolean(1)).isFalse();
        assertThat(result.get(7).isNullAt(1)).isTrue();
    }
}
