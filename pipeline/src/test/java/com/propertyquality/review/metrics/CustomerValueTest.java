package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.metrics.CustomerValue.Segment;
import com.propertyquality.review.support.TestSpark;

class CustomerValueTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 10);

    @Test
    void theWindowHoldsTheAsOfDayButNotTheDayTwelveMonthsBefore() {
        assertThat(CustomerValue.inWindow(LocalDate.of(2025, 1, 10), AS_OF)).isFalse();
        assertThat(CustomerValue.inWindow(LocalDate.of(2025, 1, 11), AS_OF)).isTrue();
        assertThat(CustomerValue.inWindow(AS_OF, AS_OF)).isTrue();
        assertThat(CustomerValue.inWindow(LocalDate.of(2026, 1, 11), AS_OF)).isFalse();
        assertThat(CustomerValue.inWindow(null, AS_OF)).isFalse();
        // a leap day as-of: 12 months before is 2023-02-28, excluded
        assertThat(CustomerValue.inWindow(LocalDate.of(2023, 2, 28), LocalDate.of(2024, 2, 29))).isFalse();
        assertThat(CustomerValue.inWindow(LocalDate.of(2023, 3, 1), LocalDate.of(2024, 2, 29))).isTrue();
    }

    @Test
    void creditRateIsNullWithoutBilledMonths() {
        assertThat(CustomerValue.creditRate(12, 9)).isEqualTo(0.75);
        assertThat(CustomerValue.creditRate(0, 0)).isNull();
        assertThat(CustomerValue.creditRate(null, null)).isNull();
        assertThat(CustomerValue.creditRate(12, null)).isNull();
    }

    @Test
    void tenureCountsWholeYears() {
        assertThat(CustomerValue.tenureYears(LocalDate.of(2018, 1, 10), AS_OF)).isEqualTo(8);
        assertThat(CustomerValue.tenureYears(LocalDate.of(2018, 1, 11), AS_OF)).isEqualTo(7);
        assertThat(CustomerValue.tenureYears(LocalDate.of(2025, 6, 1), AS_OF)).isZero();
        assertThat(CustomerValue.tenureYears(LocalDate.of(2026, 3, 1), AS_OF)).isZero();
        assertThat(CustomerValue.tenureYears(null, AS_OF)).isNull();
        assertThat(CustomerValue.tenureYears(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 2, 28))).isZero();
    }

    @Test
    void scoresFollowTheirRules() {
        // 3 of 4 other households spend less: 75; a lone household scores 0
        assertThat(CustomerValue.purchasePotential(3, 5)).isEqualTo(75.0);
        assertThat(CustomerValue.purchasePotential(0, 1)).isEqualTo(0.0);
        assertThat(CustomerValue.credit(0.5)).isEqualTo(50.0);
        assertThat(CustomerValue.credit(null)).isNull();
        // office average 230: 100 yuan gives 50 × 100 / 230; 1000 yuan is capped at 100; average 0 gives 0
        assertThat(CustomerValue.valueContribution(100, 230)).isEqualTo(5000.0 / 230);
        assertThat(CustomerValue.valueContribution(1000, 230)).isEqualTo(100.0);
        assertThat(CustomerValue.valueContribution(0, 0)).isEqualTo(0.0);
        assertThat(CustomerValue.loyalty(8)).isEqualTo(80.0);
        assertThat(CustomerValue.loyalty(15)).isEqualTo(100.0);
        assertThat(CustomerValue.loyalty(null)).isNull();
        assertThat(CustomerValue.serviceDemand(0)).isEqualTo(100.0);
        assertThat(CustomerValue.serviceDemand(4)).isEqualTo(20.0);
        assertThat(CustomerValue.serviceDemand(7)).isEqualTo(0.0);
    }

    @Test
    void theValueScoreLeavesOutTheWeightsOfUnknownScores() {
        // 0.2×100 + 0.25×100 + 0.25×100 + 0.15×100 + 0.15×80 = 97
        assertThat(CustomerValue.valueScore(100.0, 100.0, 100.0, 100.0, 80.0)).isCloseTo(97.0, within(1e-9));
        // potential 0, contribution 0, service 100; credit and loyalty unknown: 15 / 0.6 = 25
        assertThat(CustomerValue.valueScore(0.0, null, 0.0, null, 100.0)).isCloseTo(25.0, within(1e-9));
        assertThat(CustomerValue.valueScore(null, null, null, null, null)).isNull();
    }

    @Test
    void segmentsTakeTheFirstRuleThatHolds() {
        double top = CustomerValue.TOP_THIRD;
        assertThat(CustomerValue.segment(0, 0.5, 100, 9, 90.0))
                .isEqualTo(new Segment("new", "tenure_years < 1"));
        assertThat(CustomerValue.segment(8, 0.5, 75, 0, 59.9))
                .isEqualTo(new Segment("at_risk", "credit_rate < 0.75"));
        assertThat(CustomerValue.segment(5, null, 0, 4, 14.0))
                .isEqualTo(new Segment("at_risk", "service_requests_12m >= 4"));
        assertThat(CustomerValue.segment(5, 0.5, 0, 4, 14.0).reason())
                .isEqualTo("credit_rate < 0.75 and service_requests_12m >= 4");
        assertThat(CustomerValue.segment(5, 0.9, top, 1, 50.0).code()).isEqualTo("most_valuable");
        // 0.75 is not below 0.75; 3 requests are not many
        assertThat(CustomerValue.segment(5, 0.75, top, 3, 50.0).code()).isEqualTo("steady");
        // 4 years is not loyal enough; a high score makes it high_value
        assertThat(CustomerValue.segment(4, 11.0 / 12, 100, 0, 88.9))
                .isEqualTo(new Segment("high_value", "value_score >= 60"));
        assertThat(CustomerValue.segment(10, 1.0, 66.6, 0, 60.0).code()).isEqualTo("high_value");
        assertThat(CustomerValue.segment(null, null, 0, 0, 25.0))
                .isEqualTo(new Segment("steady", "no other rule"));
        // 2 of 3 lower spenders is exactly the top third
        assertThat(CustomerValue.purchasePotential(2, 4)).isGreaterThanOrEqualTo(top);
        assertThat(CustomerValue.purchasePotential(4, 7)).isGreaterThanOrEqualTo(top);
        assertThat(CustomerValue.purchasePotential(3, 6)).isLessThan(top);
    }

    @Test
    void javaAndSparkAgree() {
        Object[][] cases = {
                // moved_in, billed, on_time, lower, households, spend, office_avg, requests, day, kind
                {LocalDate.of(2015, 3, 1), 12, 12, 4L, 5L, 1000.0, 230.0, 1L, LocalDate.of(2025, 1, 10), "praise"},
                {LocalDate.of(2018, 1, 10), 12, 6, 3L, 5L, 100.0, 230.0, 0L, LocalDate.of(2025, 1, 11), "complaint"},
                {LocalDate.of(2025, 6, 1), 7, 7, 2L, 5L, 50.0, 230.0, 0L, AS_OF, "opinion"},
                {null, null, null, 0L, 5L, 0.0, 230.0, 0L, LocalDate.of(2026, 1, 11), "service_request"},
                {LocalDate.of(2020, 1, 11), 0, 0, 0L, 5L, 0.0, 230.0, 4L, null, null},
                {LocalDate.of(2022, 1, 1), 12, 11, 1L, 2L, 300.0, 150.0, 0L, AS_OF, "praise"},
                {LocalDate.of(2010, 5, 5), 12, 12, 0L, 1L, 0.0, 0.0, 0L, AS_OF, "complaint"},
                {LocalDate.of(2016, 2, 29), 12, 9, 2L, 4L, 80.0, 100.0, 3L, AS_OF, "complaint"},
                {LocalDate.of(2026, 2, 1), 12, 12, 6L, 7L, 500.0, 100.0, 9L, AS_OF, "complaint"},
        };
        StructType schema = new StructType().add("moved_in", DataTypes.DateType).add("billed", DataTypes.IntegerType)
                .add("on_time", DataTypes.IntegerType).add("lower", DataTypes.LongType)
                .add("households", DataTypes.LongType).add("spend", DataTypes.DoubleType)
                .add("office_avg", DataTypes.DoubleType).add("requests", DataTypes.LongType)
                .add("day", DataTypes.DateType).add("kind", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (Object[] c : cases) {
            Object[] values = Arrays.copyOf(c, c.length);
            values[0] = c[0] == null ? null : java.sql.Date.valueOf((LocalDate) c[0]);
            values[8] = c[8] == null ? null : java.sql.Date.valueOf((LocalDate) c[8]);
            rows.add(RowFactory.create(values));
        }
        Dataset<Row> table = TestSpark.session().createDataFrame(rows, schema)
                .withColumn("credit_rate", CustomerValue.creditRateColumn(col("billed"), col("on_time")))
                .withColumn("tenure", CustomerValue.tenureYearsColumn(col("moved_in"), AS_OF))
                .withColumn("potential", CustomerValue.purchasePotentialColumn(col("lower"), col("households")))
                .withColumn("credit", CustomerValue.creditColumn(col("credit_rate")))
                .withColumn("contribution", CustomerValue.valueContributionColumn(col("spend"), col("office_avg")))
                .withColumn("loyalty", CustomerValue.loyaltyColumn(col("tenure")))
                .withColumn("service", CustomerValue.serviceDemandColumn(col("requests")))
                .withColumn("score", CustomerValue.valueScoreColumn(col("potential"), col("credit"),
                        col("contribution"), col("loyalty"), col("service")))
                .withColumn("segment", CustomerValue.segmentColumn(col("tenure"), col("credit_rate"),
                        col("potential"), col("requests"), col("score")))
                .withColumn("reason", CustomerValue.segmentReasonColumn(col("tenure"), col("credit_rate"),
                        col("potential"), col("requests"), col("score")))
                .withColumn("in_window", CustomerValue.inWindowColumn(col("day"), AS_OF))
                // the forms over an as-of column (each review year's cut-off) give the same
                .withColumn("as_of", org.apache.spark.sql.functions.lit(java.sql.Date.valueOf(AS_OF)))
                .withColumn("tenure_at_column", CustomerValue.tenureYearsColumn(col("moved_in"), col("as_of")))
                .withColumn("in_window_at_column", CustomerValue.inWindowColumn(col("day"), col("as_of")))
                .withColumn("request", CustomerValue.serviceRequestColumn(col("kind")));
        List<Row> out = table.collectAsList();
        assertThat(out).hasSize(cases.length);
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            Object[] c = cases[i];
            Row r = out.get(i);
            Double creditRate = CustomerValue.creditRate((Integer) c[1], (Integer) c[2]);
            Integer tenure = CustomerValue.tenureYears((LocalDate) c[0], AS_OF);
            double potential = CustomerValue.purchasePotential((Long) c[3], (Long) c[4]);
            Double credit = CustomerValue.credit(creditRate);
            double contribution = CustomerValue.valueContribution((Double) c[5], (Double) c[6]);
            Double loyalty = CustomerValue.loyalty(tenure);
            double service = CustomerValue.serviceDemand((Long) c[7]);
            Double score = CustomerValue.valueScore(potential, credit, contribution, loyalty, service);
            Segment segment = CustomerValue.segment(tenure, creditRate, potential, (Long) c[7], score);
            String at = "case " + i;
            assertThat((Double) r.getAs("credit_rate")).as(at).isEqualTo(creditRate);
            assertThat((Integer) r.getAs("tenure")).as(at).isEqualTo(tenure);
            assertThat((Integer) r.getAs("tenure_at_column")).as(at).isEqualTo(tenure);
            assertThat(Boolean.TRUE.equals(r.getAs("in_window_at_column"))).as(at)
                    .isEqualTo(CustomerValue.inWindow((LocalDate) c[8], AS_OF));
            assertThat((Double) r.getAs("potential")).as(at).isEqualTo(potential);
            assertThat((Double) r.getAs("credit")).as(at).isEqualTo(credit);
            assertThat((Double) r.getAs("contribution")).as(at).isEqualTo(contribution);
            assertThat((Double) r.getAs("loyalty")).as(at).isEqualTo(loyalty);
            assertThat((Double) r.getAs("service")).as(at).isEqualTo(service);
            assertThat((Double) r.getAs("score")).as(at).isCloseTo(score, within(1e-9));
            assertThat((String) r.getAs("segment")).as(at).isEqualTo(segment.code());
            assertThat((String) r.getAs("reason")).as(at).isEqualTo(segment.reason());
            assertThat(Boolean.TRUE.equals(r.getAs("in_window"))).as(at)
                    .isEqualTo(CustomerValue.inWindow((LocalDate) c[8], AS_OF));
            assertThat(Boolean.TRUE.equals(r.getAs("request"))).as(at)
                    .isEqualTo(CustomerValue.isServiceRequest((String) c[9]));
            segments.add(segment.code());
        }
        // the cases cover every segment
        assertThat(segments).contains("new", "at_risk", "most_valuable", "high_value", "steady");
    }

    @Test
    void theWindowOverAnAsOfColumnEndingOnALeapDayAgreesWithJava() {
        LocalDate leapDay = LocalDate.of(2024, 2, 29);
        LocalDate[] days = {LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 1), leapDay, LocalDate.of(2024, 3, 1)};
        List<Row> rows = new ArrayList<>();
        for (LocalDate day : days) {
            rows.add(RowFactory.create(java.sql.Date.valueOf(day), java.sql.Date.valueOf(leapDay),
                    java.sql.Date.valueOf(LocalDate.of(2016, 2, 29))));
        }
        StructType schema = new StructType().add("day", DataTypes.DateType).add("as_of", DataTypes.DateType)
                .add("moved_in", DataTypes.DateType);
        List<Row> out = TestSpark.session().createDataFrame(rows, schema)
                .select(CustomerValue.inWindowColumn(col("day"), col("as_of")),
                        CustomerValue.tenureYearsColumn(col("moved_in"), col("as_of"))).collectAsList();
        for (int i = 0; i < days.length; i++) {
            assertThat(out.get(i).getBoolean(0)).as(days[i].toString()).isEqualTo(CustomerValue.inWindow(days[i], leapDay));
            assertThat(out.get(i).getInt(1)).isEqualTo(CustomerValue.tenureYears(LocalDate.of(2016, 2, 29), leapDay));
        }
        // 2023-02-28 is exactly 12 months before: outside; 2023-03-01 inside
        assertThat(CustomerValue.inWindow(LocalDate.of(2023, 2, 28), leapDay)).isFalse();
        assertThat(CustomerValue.inWindow(LocalDate.of(2023, 3, 1), leapDay)).isTrue();
    }
}
