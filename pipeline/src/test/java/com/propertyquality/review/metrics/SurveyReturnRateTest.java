package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.propertyquality.review.support.TestSpark;

class SurveyReturnRateTest {

    private static final BigDecimal SIXTY = new BigDecimal("0.60");
    private static final BigDecimal SIXTY_SHORT = new BigDecimal("0.6");

    @ParameterizedTest
    @CsvSource({"50, 30", "5, 3", "100, 60", "1000, 600"})
    void exactlySixtyPercentMeetsTheThreshold(long distributed, long returned) {
        assertThat(SurveyReturnRate.of(distributed, returned)).isEqualTo(0.6);
        assertThat(SurveyReturnRate.anomaly(distributed, returned)).isNull();
        assertThat(SurveyReturnRate.meetsThreshold(distributed, returned, SIXTY)).isTrue();
        assertThat(SurveyReturnRate.meetsThreshold(distributed, returned, SIXTY_SHORT)).isTrue();
    }

    @Test
    void twentyNineOfFiftyDoesNotMeet() {
        assertThat(SurveyReturnRate.of(50L, 29)).isEqualTo(0.58);
        assertThat(SurveyReturnRate.meetsThreshold(50L, 29, SIXTY)).isFalse();
        assertThat(SurveyReturnRate.meetsThreshold(50L, 29, SIXTY_SHORT)).isFalse();
    }

    @Test
    void justBelowSixtyPercentDoesNotMeet() {
        // 59.9998%: a rounded display would show 60.0%, the rule still fails it
        assertThat(SurveyReturnRate.of(500_000L, 299_999)).isEqualTo(0.599998);
        assertThat(SurveyReturnRate.anomaly(500_000L, 299_999)).isNull();
        assertThat(SurveyReturnRate.meetsThreshold(500_000L, 299_999, SIXTY)).isFalse();
    }

    @Test
    void moreReturnedThanDistributedKeepsTheRateAndIsAnAnomaly() {
        assertThat(SurveyReturnRate.of(30L, 33)).isEqualTo(1.1);
        assertThat(SurveyReturnRate.anomaly(30L, 33)).isEqualTo("returned_exceeds_distributed");
        assertThat(SurveyReturnRate.meetsThreshold(30L, 33, SIXTY)).isFalse();
    }

    @Test
    void everyFormReturnedIsOneHundredPercentWithoutAnomaly() {
        assertThat(SurveyReturnRate.of(30L, 30)).isEqualTo(1.0);
        assertThat(SurveyReturnRate.anomaly(30L, 30)).isNull();
        assertThat(SurveyReturnRate.meetsThreshold(30L, 30, BigDecimal.ONE)).isTrue();
    }

    @Test
    void noDistributionRecordHasNoRateAndIsAnAnomaly() {
        assertThat(SurveyReturnRate.of(null, 12)).isNull();
        assertThat(SurveyReturnRate.anomaly(null, 12)).isEqualTo("no_distribution_record");
        assertThat(SurveyReturnRate.meetsThreshold(null, 12, SIXTY)).isFalse();
    }

    @Test
    void nothingReturnedIsZero() {
        assertThat(SurveyReturnRate.of(10L, 0)).isEqualTo(0.0);
        assertThat(SurveyReturnRate.anomaly(10L, 0)).isNull();
        assertThat(SurveyReturnRate.meetsThreshold(10L, 0, SIXTY)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5})
    void nonPositiveDistributionIsRejected(long distributed) {
        assertThatThrownBy(() -> SurveyReturnRate.of(distributed, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-0.6", "1.01", "60"})
    void thresholdOutsideZeroToOneIsRejected(String threshold) {
        assertThatThrownBy(() -> SurveyReturnRate.checkThreshold(new BigDecimal(threshold)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.60 for 60%");
    }

    @ParameterizedTest
    @NullSource
    void missingThresholdIsRejected(BigDecimal threshold) {
        assertThatThrownBy(() -> SurveyReturnRate.checkThreshold(threshold))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.00", "0.6", "0.60", "0.001"})
    void thresholdInZeroToOneIsAcceptedAsGiven(String threshold) {
        BigDecimal value = new BigDecimal(threshold);
        assertThat(SurveyReturnRate.checkThreshold(value)).isSameAs(value);
    }

    /** One office-year: forms handed out (null without a record), forms returned, and the hand-computed results. */
    private record Case(Long distributed, long returned, Double rate, String anomaly, boolean meets60,
                        boolean meets333) {
    }

    private static final List<Case> CASES = List.of(
            new Case(50L, 30, 0.6, null, true, true),
            new Case(5L, 3, 0.6, null, true, true),
            new Case(100L, 60, 0.6, null, true, true),
            new Case(1000L, 600, 0.6, null, true, true),
            new Case(50L, 29, 0.58, null, false, true),
            new Case(500_000L, 299_999, 0.599998, null, false, true),
            new Case(30L, 33, 1.1, "returned_exceeds_distributed", false, false),
            new Case(30L, 30, 1.0, null, true, true),
            new Case(null, 12, null, "no_distribution_record", false, false),
            new Case(null, 0, null, "no_distribution_record", false, false),
            new Case(10L, 0, 0.0, null, false, false),
            new Case(1000L, 333, 0.333, null, false, true),
            new Case(1000L, 332, 0.332, null, false, false),
            new Case(3L, 1, 1.0 / 3, null, false, true),
            new Case(3L, 2, 2.0 / 3, null, true, true));

    @Test
    void handComputedTableHoldsInJava() {
        BigDecimal third = new BigDecimal("0.333");
        for (Case c : CASES) {
            assertThat(SurveyReturnRate.of(c.distributed(), c.returned())).as("rate %s", c).isEqualTo(c.rate());
            assertThat(SurveyReturnRate.anomaly(c.distributed(), c.returned())).as("anomaly %s", c)
                    .isEqualTo(c.anomaly());
            assertThat(SurveyReturnRate.meetsThreshold(c.distributed(), c.returned(), SIXTY)).as("0.60 %s", c)
                    .isEqualTo(c.meets60());
            assertThat(SurveyReturnRate.meetsThreshold(c.distributed(), c.returned(), SIXTY_SHORT)).as("0.6 %s", c)
                    .isEqualTo(c.meets60());
            assertThat(SurveyReturnRate.meetsThreshold(c.distributed(), c.returned(), third)).as("0.333 %s", c)
                    .isEqualTo(c.meets333());
        }
    }

    @Test
    void sparkColumnsAgreeWithJavaOnTheSameTable() {
        List<BigDecimal> thresholds = List.of(SIXTY, SIXTY_SHORT, new BigDecimal("0.333"), BigDecimal.ONE,
                new BigDecimal("0.599998"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) {
            rows.add(RowFactory.create(i, CASES.get(i).distributed(), CASES.get(i).returned()));
        }
        StructType schema = new StructType()
                .add("id", DataTypes.IntegerType, false)
                .add("distributed", DataTypes.LongType, true)
                .add("returned", DataTypes.LongType, false);
        Column distributed = col("distributed");
        Column returned = col("returned");
        List<Column> select = new ArrayList<>(List.of(col("id"),
                SurveyReturnRate.column(distributed, returned).as("rate"),
                SurveyReturnRate.anomalyColumn(distributed, returned).as("anomaly")));
        for (int t = 0; t < thresholds.size(); t++) {
            select.add(SurveyReturnRate.meetsThresholdColumn(distributed, returned, thresholds.get(t)).as("meets" + t));
        }

        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .select(select.toArray(Column[]::new))
                .orderBy("id")
                .collectAsList();

        assertThat(result).hasSize(CASES.size());
        for (Row row : result) {
            Case c = CASES.get(row.getInt(0));
            assertThat(row.isNullAt(1) ? null : row.getDouble(1)).as("rate %s", c)
                    .isEqualTo(SurveyReturnRate.of(c.distributed(), c.returned()))
                    .isEqualTo(c.rate());
            assertThat(row.isNullAt(2) ? null : row.getString(2)).as("anomaly %s", c)
                    .isEqualTo(SurveyReturnRate.anomaly(c.distributed(), c.returned()))
                    .isEqualTo(c.anomaly());
            for (int t = 0; t < thresholds.size(); t++) {
                assertThat(row.isNullAt(3 + t)).as("meets %s at %s is never null", c, thresholds.get(t)).isFalse();
                assertThat(row.getBoolean(3 + t)).as("meets %s at %s", c, thresholds.get(t))
                        .isEqualTo(SurveyReturnRate.meetsThreshold(c.distributed(), c.returned(), thresholds.get(t)));
            }
            assertThat(row.getBoolean(3)).as("0.60 %s", c).isEqualTo(c.meets60());
            assertThat(row.getBoolean(5)).as("0.333 %s", c).isEqualTo(c.meets333());
        }
    }

    @Test
    void theCompanyRateLeavesOutOfficesWithAnAnomalyAndCountsThem() {
        // 110 of 100: a data error, not a good result
        assertThat(SurveyReturnRate.inCompanyRate(100L, 110)).isFalse();
        assertThat(SurveyReturnRate.leftOutOfCompanyRate(100L, 110)).isTrue();
        // returned forms without a distribution record
        assertThat(SurveyReturnRate.inCompanyRate(null, 5)).isFalse();
        assertThat(SurveyReturnRate.leftOutOfCompanyRate(null, 5)).isTrue();
        // an office of the register that did not survey: nothing to leave out
        assertThat(SurveyReturnRate.inCompanyRate(null, 0)).isFalse();
        assertThat(SurveyReturnRate.leftOutOfCompanyRate(null, 0)).isFalse();
        // consistent figures pool, 100% and 0% included
        assertThat(SurveyReturnRate.inCompanyRate(100L, 100)).isTrue();
        assertThat(SurveyReturnRate.inCompanyRate(100L, 0)).isTrue();
        assertThat(SurveyReturnRate.leftOutOfCompanyRate(100L, 0)).isFalse();
    }

    @Test
    void anOfficeMeetsAnObjectivesTargetExactlyAndNeverWithAnAnomaly() {
        BigDecimal target = BigDecimal.valueOf(0.6); // as a plan's target arrives: a double
        assertThat(SurveyReturnRate.meetsTarget(10000L, 6000, target, "at_least")).isTrue();
        assertThat(SurveyReturnRate.meetsTarget(10000L, 5999, target, "at_least")).as("59.99%").isFalse();
        assertThat(SurveyReturnRate.meetsTarget(100L, 110, target, "at_least")).as("110%").isFalse();
        assertThat(SurveyReturnRate.meetsTarget(null, 10, target, "at_least")).isFalse();
        assertThat(SurveyReturnRate.meetsTarget(100L, 60, target, "at_most")).isTrue();
        assertThat(SurveyReturnRate.meetsTarget(100L, 61, target, "at_most")).isFalse();
    }

    @Test
    void theSparkFormsOfTheCompanyRuleAndTheTargetAgreeWithJava() {
        Object[][] cases = {{10000L, 6000L, "at_least"}, {10000L, 5999L, "at_least"}, {100L, 110L, "at_least"},
                {null, 10L, "at_least"}, {null, 0L, "at_least"}, {100L, 0L, "at_least"}, {100L, 60L, "at_most"},
                {100L, 61L, "at_most"}};
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            rows.add(RowFactory.create(i, cases[i][0], cases[i][1], 0.6, cases[i][2]));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("d", DataTypes.LongType)
                .add("r", DataTypes.LongType).add("target", DataTypes.DoubleType).add("cmp", DataTypes.StringType);
        List<Row> result = TestSpark.session().createDataFrame(rows, schema)
                .select(col("id"), SurveyReturnRate.inCompanyRateColumn(col("d"), col("r")),
                        SurveyReturnRate.leftOutOfCompanyRateColumn(col("d"), col("r")),
                        SurveyReturnRate.meetsTargetColumn(col("d"), col("r"), col("target"), col("cmp")))
                .orderBy("id").collectAsList();
        for (int i = 0; i < cases.length; i++) {
            Long distributed = (Long) cases[i][0];
            long returned = (Long) cases[i][1];
            Row row = result.get(i);
            assertThat(row.getBoolean(1)).as("in company rate, case %d", i)
                    .isEqualTo(SurveyReturnRate.inCompanyRate(distributed, returned));
            assertThat(row.getBoolean(2)).as("left out, case %d", i)
                    .isEqualTo(SurveyReturnRate.leftOutOfCompanyRate(distributed, returned));
            assertThat(row.getBoolean(3)).as("meets target, case %d", i).isEqualTo(SurveyReturnRate.meetsTarget(
                    distributed, returned, BigDecimal.valueOf(0.6), (String) cases[i][2]));
        }
    }
}
