package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.time.Period;

import org.apache.spark.sql.Column;

/**
 * 客户价值评估 (客户资源控制程序 3): a household's purchase potential, credit (信用度: paying on time), value contribution,
 * loyalty and service demand as scores 0–100, their weighted mean, and the value segment with the rule that put the
 * household there. Every rule is written once here, in Java and as a Spark expression; a test holds the two equal.
 *
 * <ul>
 *   <li><b>12-month window</b>: the days d with {@code asOf − 12 months < d ≤ asOf}. The as-of day counts; the day
 *       exactly 12 months before it does not (so the window never holds the same calendar day twice).</li>
 *   <li><b>credit_rate</b> = fee_months_on_time / fee_months_billed; null when billed is null or 0, or on-time is
 *       null (unknown is not 0).</li>
 *   <li><b>tenure_years</b>: whole years from moved_in_on to the as-of date ({@link Period#between}); 0 when moved in
 *       after the as-of date; null when moved_in_on is unknown.</li>
 *   <li><b>service request</b>: a register entry of any kind except {@code praise}.</li>
 *   <li><b>purchase_potential</b> = 100 × (office households with a lower spend_12m) / (office households − 1): the
 *       household's percentile of spend within its office (SQL {@code PERCENT_RANK} × 100); 0 for a lone household.
 *       The top third is a potential ≥ 200/3.</li>
 *   <li><b>credit</b> = 100 × credit_rate; null with it.</li>
 *   <li><b>value_contribution</b> = min(100, 50 × spend_12m / office average spend_12m): the office average scores
 *       50, twice the average or more 100; 0 when the office average is 0.</li>
 *   <li><b>loyalty</b> = min(100, 10 × tenure_years): ten years or more is 100; null when tenure is unknown.</li>
 *   <li><b>service_demand</b> = max(0, 100 − 20 × service_requests_12m): no request 100, five or more 0.</li>
 *   <li><b>value_score</b> = the weighted mean of the scores that are not null, weights potential 0.20, credit 0.25,
 *       contribution 0.25, loyalty 0.15, service demand 0.15 (the weights of null scores are left out).</li>
 *   <li><b>value_segment</b>, the first rule that holds: {@code new} (tenure &lt; 1), {@code at_risk} (credit_rate
 *       &lt; 0.75 or ≥ 4 requests), {@code most_valuable} (tenure ≥ 5, credit_rate ≥ 0.9, potential in the top
 *       third, ≤ 1 request), {@code high_value} (value_score ≥ 60), {@code steady} (otherwise).</li>
 * </ul>
 */
public final class CustomerValue {

    public static final int WINDOW_MONTHS = 12;
    public static final String PRAISE = "praise";

    public static final double W_POTENTIAL = 0.20;
    public static final double W_CREDIT = 0.25;
    public static final double W_CONTRIBUTION = 0.25;
    public static final double W_LOYALTY = 0.15;
    public static final double W_SERVICE = 0.15;

    public static final int NEW_BELOW_YEARS = 1;
    public static final double AT_RISK_CREDIT_BELOW = 0.75;
    public static final long AT_RISK_REQUESTS = 4;
    public static final int LOYAL_YEARS = 5;
    public static final double GOOD_CREDIT = 0.9;
    public static final double TOP_THIRD = 200.0 / 3;
    public static final long FEW_REQUESTS = 1;
    public static final double HIGH_VALUE_SCORE = 60;

    public static final String NEW = "new";
    public static final String AT_RISK = "at_risk";
    public static final String MOST_VALUABLE = "most_valuable";
    public static final String HIGH_VALUE = "high_value";
    public static final String STEADY = "steady";

    public static final String REASON_NEW = "tenure_years < 1";
    public static final String REASON_CREDIT = "credit_rate < 0.75";
    public static final String REASON_REQUESTS = "service_requests_12m >= 4";
    public static final String REASON_CREDIT_AND_REQUESTS = "credit_rate < 0.75 and service_requests_12m >= 4";
    public static final String REASON_MOST_VALUABLE = "tenure_years >= 5, credit_rate >= 0.9, spend in the office's"
            + " top third, service_requests_12m <= 1";
    public static final String REASON_HIGH_VALUE = "value_score >= 60";
    public static final String REASON_STEADY = "no other rule";

    /** A household's segment and the rule that put it there. */
    public record Segment(String code, String reason) {
    }

    private CustomerValue() {
    }

    // ---- the 12-month window

    public static boolean inWindow(LocalDate day, LocalDate asOf) {
        return day != null && day.isAfter(windowStart(asOf)) && !day.isAfter(asOf);
    }

    /** The excluded lower bound: the day exactly 12 months before the as-of date. */
    public static LocalDate windowStart(LocalDate asOf) {
        return asOf.minusMonths(WINDOW_MONTHS);
    }

    /** {@link #inWindow} at one as-of day, as a Spark expression. */
    public static Column inWindowColumn(Column day, LocalDate asOf) {
        return inWindowColumn(day, lit(java.sql.Date.valueOf(asOf)));
    }

    /**
     * {@link #inWindow} against a date column, each row its own as-of day (its review year's cut-off). Spark's
     * add_months clamps to the month's end as {@link LocalDate#minusMonths} does (2024-02-29 → 2023-02-28).
     */
    public static Column inWindowColumn(Column day, Column asOf) {
        return day.gt(org.apache.spark.sql.functions.add_months(asOf, -WINDOW_MONTHS)).and(day.leq(asOf));
    }

    public static boolean isServiceRequest(String kind) {
        return kind != null && !PRAISE.equals(kind);
    }

    public static Column serviceRequestColumn(Column kind) {
        return kind.isNotNull().and(kind.notEqual(lit(PRAISE)));
    }

    // ---- facts

    public static Double creditRate(Integer billed, Integer onTime) {
        return billed == null || billed == 0 || onTime == null ? null : (double) onTime / billed;
    }

    public static Column creditRateColumn(Column billed, Column onTime) {
        return when(billed.isNull().or(billed.equalTo(0)).or(onTime.isNull()), lit(null).cast("double"))
                .otherwise(onTime.cast("double").divide(billed.cast("double")));
    }

    public static Integer tenureYears(LocalDate movedIn, LocalDate asOf) {
        return movedIn == null ? null : Math.max(0, Period.between(movedIn, asOf).getYears());
    }

    /** {@link #tenureYears} against a date column, each row its own as-of day. */
    public static Column tenureYearsColumn(Column movedIn, Column asOf) {
        Column monthDay = month(movedIn).multiply(100).plus(org.apache.spark.sql.functions.dayofmonth(movedIn));
        Column asOfMonthDay = month(asOf).multiply(100).plus(org.apache.spark.sql.functions.dayofmonth(asOf));
        Column notYet = when(monthDay.gt(asOfMonthDay), lit(1)).otherwise(lit(0));
        Column years = year(asOf).minus(year(movedIn)).minus(notYet);
        return when(movedIn.isNull(), lit(null).cast("int")).otherwise(greatest(lit(0), years));
    }

    /** {@link #tenureYears} at one as-of day, as a Spark expression. */
    public static Column tenureYearsColumn(Column movedIn, LocalDate asOf) {
        return tenureYearsColumn(movedIn, lit(java.sql.Date.valueOf(asOf)));
    }

    // ---- scores 0-100

    public static double purchasePotential(long lowerSpenders, long officeHouseholds) {
        return officeHouseholds <= 1 ? 0.0 : 100.0 * lowerSpenders / (officeHouseholds - 1);
    }

    public static Column purchasePotentialColumn(Column lowerSpenders, Column officeHouseholds) {
        return when(officeHouseholds.leq(1), lit(0.0)).otherwise(lit(100.0).multiply(lowerSpenders.cast("double"))
                .divide(officeHouseholds.minus(1).cast("double")));
    }

    public static Double credit(Double creditRate) {
        return creditRate == null ? null : 100 * creditRate;
    }

    public static Column creditColumn(Column creditRate) {
        return lit(100.0).multiply(creditRate);
    }

    public static double valueContribution(double spend, double officeAverage) {
        return officeAverage <= 0 ? 0.0 : Math.min(100.0, 50 * spend / officeAverage);
    }

    public static Column valueContributionColumn(Column spend, Column officeAverage) {
        return when(spend.isNull().or(officeAverage.isNull()), lit(null).cast("double"))
                .when(officeAverage.leq(0), lit(0.0))
                .otherwise(least(lit(100.0), lit(50.0).multiply(spend.cast("double")).divide(officeAverage)));
    }

    public static Double loyalty(Integer tenureYears) {
        return tenureYears == null ? null : Math.min(100.0, 10.0 * tenureYears);
    }

    public static Column loyaltyColumn(Column tenureYears) {
        // Spark's least skips nulls: an unknown tenure must stay null
        return when(tenureYears.isNull(), lit(null).cast("double"))
                .otherwise(least(lit(100.0), lit(10.0).multiply(tenureYears.cast("double"))));
    }

    public static double serviceDemand(long requests) {
        return Math.max(0.0, 100.0 - 20.0 * requests);
    }

    public static Column serviceDemandColumn(Column requests) {
        return when(requests.isNull(), lit(null).cast("double"))
                .otherwise(greatest(lit(0.0), lit(100.0).minus(lit(20.0).multiply(requests.cast("double")))));
    }

    public static Double valueScore(Double potential, Double credit, Double contribution, Double loyalty,
                                    Double service) {
        double[] weights = {W_POTENTIAL, W_CREDIT, W_CONTRIBUTION, W_LOYALTY, W_SERVICE};
        Double[] scores = {potential, credit, contribution, loyalty, service};
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < scores.length; i++) {
            sum = sum + (scores[i] == null ? 0.0 : weights[i] * scores[i]);
            weight = weight + (scores[i] == null ? 0.0 : weights[i]);
        }
        return weight == 0 ? null : sum / weight;
    }

    public static Column valueScoreColumn(Column potential, Column credit, Column contribution, Column loyalty,
                                          Column service) {
        double[] weights = {W_POTENTIAL, W_CREDIT, W_CONTRIBUTION, W_LOYALTY, W_SERVICE};
        Column[] scores = {potential, credit, contribution, loyalty, service};
        Column sum = lit(0.0);
        Column weight = lit(0.0);
        for (int i = 0; i < scores.length; i++) {
            sum = sum.plus(when(scores[i].isNull(), lit(0.0)).otherwise(lit(weights[i]).multiply(scores[i])));
            weight = weight.plus(when(scores[i].isNull(), lit(0.0)).otherwise(lit(weights[i])));
        }
        return when(weight.equalTo(0.0), lit(null).cast("double")).otherwise(sum.divide(weight));
    }

    // ---- segment

    public static Segment segment(Integer tenureYears, Double creditRate, double potential, long requests,
                                  Double valueScore) {
        if (tenureYears != null && tenureYears < NEW_BELOW_YEARS) {
            return new Segment(NEW, REASON_NEW);
        }
        boolean badCredit = creditRate != null && creditRate < AT_RISK_CREDIT_BELOW;
        boolean manyRequests = requests >= AT_RISK_REQUESTS;
        if (badCredit || manyRequests) {
            return new Segment(AT_RISK, badCredit && manyRequests ? REASON_CREDIT_AND_REQUESTS
                    : badCredit ? REASON_CREDIT : REASON_REQUESTS);
        }
        if (tenureYears != null && tenureYears >= LOYAL_YEARS && creditRate != null && creditRate >= GOOD_CREDIT
                && potential >= TOP_THIRD && requests <= FEW_REQUESTS) {
            return new Segment(MOST_VALUABLE, REASON_MOST_VALUABLE);
        }
        if (valueScore != null && valueScore >= HIGH_VALUE_SCORE) {
            return new Segment(HIGH_VALUE, REASON_HIGH_VALUE);
        }
        return new Segment(STEADY, REASON_STEADY);
    }

    /** The segment code; {@link #segmentReasonColumn} gives the rule, with the same arguments. */
    public static Column segmentColumn(Column tenureYears, Column creditRate, Column potential, Column requests,
                                       Column valueScore) {
        return rules(tenureYears, creditRate, potential, requests, valueScore, false);
    }

    public static Column segmentReasonColumn(Column tenureYears, Column creditRate, Column potential,
                                             Column requests, Column valueScore) {
        return rules(tenureYears, creditRate, potential, requests, valueScore, true);
    }

    private static Column rules(Column tenure, Column creditRate, Column potential, Column requests,
                                Column valueScore, boolean reason) {
        Column isNew = tenure.isNotNull().and(tenure.lt(NEW_BELOW_YEARS));
        Column badCredit = creditRate.isNotNull().and(creditRate.lt(AT_RISK_CREDIT_BELOW));
        Column manyRequests = requests.geq(AT_RISK_REQUESTS);
        Column mostValuable = tenure.isNotNull().and(tenure.geq(LOYAL_YEARS)).and(creditRate.isNotNull())
                .and(creditRate.geq(GOOD_CREDIT)).and(potential.geq(TOP_THIRD)).and(requests.leq(FEW_REQUESTS));
        Column highValue = valueScore.isNotNull().and(valueScore.geq(HIGH_VALUE_SCORE));
        if (!reason) {
            return when(isNew, lit(NEW)).when(badCredit.or(manyRequests), lit(AT_RISK))
                    .when(mostValuable, lit(MOST_VALUABLE)).when(highValue, lit(HIGH_VALUE)).otherwise(lit(STEADY));
        }
        return when(isNew, lit(REASON_NEW))
                .when(badCredit.and(manyRequests), lit(REASON_CREDIT_AND_REQUESTS))
                .when(badCredit, lit(REASON_CREDIT))
                .when(manyRequests, lit(REASON_REQUESTS))
                .when(mostValuable, lit(REASON_MOST_VALUABLE))
                .when(highValue, lit(REASON_HIGH_VALUE))
                .otherwise(lit(REASON_STEADY));
    }

    /** The segments in the order marts list them. */
    public static java.util.List<String> segments() {
        return java.util.List.of(MOST_VALUABLE, HIGH_VALUE, STEADY, AT_RISK, NEW);
    }
}
