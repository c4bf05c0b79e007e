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

class WilsonIntervalTest {

    // z = 1.959963984540054, z² = 3.8414588206941254
    private static final double Z2 = 3.8414588206941254;
    private static final double EXACT = 1e-12;

    @Test
    void zIsTheTwoSidedNinetyFivePercentQuantile() {
        assertThat(WilsonInterval.Z_95).isEqualTo(1.959963984540054);
        assertThat(WilsonInterval.Z_95 * WilsonInterval.Z_95).isCloseTo(Z2, within(1e-15));
    }

    @Test
    void zeroOfTenIsNotZeroWide() {
        // p = 0: centre = (z²/20)/(1 + z²/10) and half = z/(1 + z²/10) · √(z²/400) = the same, so
        // low = 0, high = 2 · (z²/20)/(1 + z²/10) = z²/(10 + z²) = 3.84145882/13.84145882 = 0.2775327999
        WilsonInterval interval = WilsonInterval.of(0.0, 10);
        assertThat(interval.low()).isEqualTo(0.0);
        assertThat(interval.high()).isCloseTo(Z2 / (10 + Z2), within(EXACT));
        assertThat(interval.high()).isCloseTo(0.2775327999, within(1e-10));
    }

    @Test
    void tenOfTenMirrorsZeroOfTen() {
        // p = 1: low = 1 − z²/(10 + z²) = 10/13.84145882 = 0.7224672001, high = 1 exactly
        WilsonInterval interval = WilsonInterval.of(1.0, 10);
        assertThat(interval.low()).isCloseTo(10 / (10 + Z2), within(EXACT));
        assertThat(interval.low()).isCloseTo(0.7224672001, within(1e-10));
        assertThat(interval.high()).isEqualTo(1.0);
    }

    @Test
    void oneOfTwoIsAlmostTheWholeRange() {
        // p = 0.5, n = 2: 1 + z²/2 = 2.9207294103; centre = (0.5 + z²/4)/2.9207294103 = 1.4603647052/2.9207294103
        // = 0.5; half = z/2.9207294103 · √(0.25/2 + z²/16) = 0.6710502395 · √(0.125 + 0.2400911763)
        // = 0.6710502395 · 0.6042277533 = 0.4054687943 → [0.0945312057, 0.9054687943]
        WilsonInterval interval = WilsonInterval.of(0.5, 2);
        assertThat(interval.low()).isCloseTo(0.0945312057, within(1e-10));
        assertThat(interval.high()).isCloseTo(0.9054687943, within(1e-10));
    }

    @Test
    void threeOfTen() {
        // p = 0.3, n = 10: 1 + z²/10 = 1.3841458821; centre = (0.3 + z²/20)/1.3841458821
        // = 0.4920729410/1.3841458821 = 0.3555065600; half = z/1.3841458821 · √(0.021 + z²/400)
        // = 1.4160013810 · √(0.0306036471) = 1.4160013810 · 0.1749389811 = 0.2477152926
        // → [0.1077912674, 0.6032218526]
        WilsonInterval interval = WilsonInterval.of(0.3, 10);
        assertThat(interval.low()).isCloseTo(0.1077912674, within(1e-9));
        assertThat(interval.high()).isCloseTo(0.6032218526, within(1e-9));
    }

    @Test
    void aThousandUnitsGiveANarrowIntervalNearTheNormalOne() {
        // p = 0.8, n = 1000: 1 + z²/1000 = 1.0038414588; centre = (0.8 + z²/2000)/1.0038414588 = 0.7988519592;
        // half = z/1.0038414588 · √(0.00016 + z²/4000000) = 1.9524636 · √(0.000160960365) = 0.0247709371
        // → [0.7740810354, 0.8236229096]; the normal approximation 0.8 ± 1.96·√(0.16/1000) = ±0.0247918 is close
        WilsonInterval interval = WilsonInterval.of(0.8, 1000);
        assertThat(interval.low()).isCloseTo(0.7740810354, within(1e-9));
        assertThat(interval.high()).isCloseTo(0.8236229096, within(1e-9));
    }

    @Test
    void noUnitsOrNoRateHaveNoInterval() {
        assertThat(WilsonInterval.of(0.8, 0)).isNull();
        assertThat(WilsonInterval.of(null, 10)).isNull();
        assertThat(WilsonInterval.of(null, 0)).isNull();
    }

    @Test
    void impossibleInputsAreRejected() {
        assertThatThrownBy(() -> WilsonInterval.of(0.5, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> WilsonInterval.of(1.2, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
    }

    @Test
    void sparkColumnsAgreeWithJavaOnEveryCase() {
        Object[][] cases = {
                {0.0, 10L}, {1.0, 10L}, {0.5, 2L}, {0.3, 10L}, {0.8, 1000L}, {0.8, 0L}, {null, 10L}, {0.0, 1L},
                {1.0, 1L}, {2.0 / 3, 3L}, {0.999, 123_456_789L}, {0.0, 5_000_000L}, {1.0, 5_000_000L}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], cases[i][1]));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("rate", DataTypes.DoubleType, true)
                .add("n", DataTypes.LongType, false);
        Dataset<Row> table = TestSpark.session().createDataFrame(rows, schema);

        List<Row> result = table.select(col("id"), WilsonInterval.lowColumn(col("rate"), col("n")).as("low"),
                        WilsonInterval.highColumn(col("rate"), col("n")).as("high"))
                .orderBy("id").collectAsList();

        assertThat(result).hasSize(cases.length);
        for (Row row : result) {
            Object[] c = cases[row.getInt(0)];
            WilsonInterval expected = WilsonInterval.of((Double) c[0], (Long) c[1]);
            Double low = row.isNullAt(1) ? null : row.getDouble(1);
            Double high = row.isNullAt(2) ? null : row.getDouble(2);
            assertThat(low).as("low of %s, n %s", c[0], c[1]).isEqualTo(expected == null ? null : expected.low());
            assertThat(high).as("high of %s, n %s", c[0], c[1]).isEqualTo(expected == null ? null : expected.high());
        }
        // the literal values, not only agreement: 0 of 10 is [0, z²/(10 + z²)], no units give no bounds
        assertThat(result.get(0).getDouble(1)).isEqualTo(0.0);
        assertThat(result.get(0).getDouble(2)).isCloseTo(0.2775327999, within(1e-10));
        assertThat(result.get(1).getDouble(2)).isEqualTo(1.0);
        assertThat(result.get(5).isNullAt(1)).isTrue();
        assertThat(result.get(6).isNullAt(2)).isTrue();
    }
}
