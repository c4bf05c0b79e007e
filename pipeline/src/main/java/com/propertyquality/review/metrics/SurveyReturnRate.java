package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * 回收率 (procedure 5.1.2): forms returned / forms handed out, per office and survey year; it must be at least
 * the threshold (60%). The one definition of the rate, its anomalies and the threshold test, in Java and as Spark
 * expressions; a test holds the two equal.
 *
 * <p>A rate over 100% is a data error: it is kept as it is and reported as an anomaly, never capped. The
 * threshold is compared exactly, in decimal arithmetic (returned ≥ threshold × distributed), so 30 of 50 meets
 * 60% and no floating-point rounding decides a boundary case.
 */
public final class SurveyReturnRate {

    /** The office has returned forms or is listed, but no distribution record for the year. */
    public static final String NO_DISTRIBUTION_RECORD = "no_distribution_record";
    /** More forms came back than were handed out: a data-entry error. */
    public static final String RETURNED_EXCEEDS_DISTRIBUTED = "returned_exceeds_distributed";

    private SurveyReturnRate() {
    }

    /** returned / distributed, or null without a distribution record. Over 1.0 is kept. */
    public static Double of(Long distributed, long returned) {
        if (distributed == null) {
            return null;
        }
        if (distributed <= 0) {
            throw new IllegalArgumentException("forms distributed must be positive, got " + distributed);
        }
        return (double) returned / distributed;
    }

    /** The anomaly in the words the reports print: 无发放记录, 回收数超过发放数（数据错误）; an unknown code as is. */
    public static String anomalyChinese(String code) {
        if (NO_DISTRIBUTION_RECORD.equals(code)) {
            return "无发放记录";
        }
        if (RETURNED_EXCEEDS_DISTRIBUTED.equals(code)) {
            return "回收数超过发放数（数据错误）";
        }
        return code;
    }

    /** The anomaly code, or null when the figures are consistent. */
    public static String anomaly(Long distributed, long returned) {
        if (distributed == null) {
            return NO_DISTRIBUTION_RECORD;
        }
        return returned > distributed ? RETURNED_EXCEEDS_DISTRIBUTED : null;
    }

    /** True only without an anomaly and with returned ≥ threshold × distributed, compared exactly. */
    public static boolean meetsThreshold(Long distributed, long returned, BigDecimal threshold) {
        if (anomaly(distributed, returned) != null) {
            return false;
        }
        if (distributed <= 0) {
            throw new IllegalArgumentException("forms distributed must be positive, got " + distributed);
        }
        return meetsTarget(distributed, returned, threshold, "at_least");
    }

    /**
     * Whether an office's figures enter the company return rate: only without an anomaly. An office that returned
     * more forms than it handed out (a data error) or has no distribution record would otherwise lift or skew the
     * pooled rate; it is left out and counted apart. The company rate = Σ returned / Σ distributed over these.
     */
    public static boolean inCompanyRate(Long distributed, long returned) {
        return anomaly(distributed, returned) == null;
    }

    /** {@link #inCompanyRate} as a Spark boolean expression. */
    public static Column inCompanyRateColumn(Column distributed, Column returned) {
        return anomalyColumn(distributed, returned).isNull();
    }

    /**
     * Whether an office with figures was left out of the company rate: it has an anomaly and something to leave out
     * (a distribution record or returned forms). An office of the register with neither is simply not surveyed.
     */
    public static boolean leftOutOfCompanyRate(Long distributed, long returned) {
        return !inCompanyRate(distributed, returned) && (distributed != null || returned > 0);
    }

    public static Column leftOutOfCompanyRateColumn(Column distributed, Column returned) {
        return inCompanyRateColumn(distributed, returned).equalTo(lit(false))
                .and(distributed.isNotNull().or(returned.gt(lit(0))));
    }

    public static Column column(Column distributed, Column returned) {
        return returned.cast("double").divide(distributed.cast("double"));
    }

    public static Column anomalyColumn(Column distributed, Column returned) {
        return when(distributed.isNull(), lit(NO_DISTRIBUTION_RECORD))
                .when(returned.gt(distributed), lit(RETURNED_EXCEEDS_DISTRIBUTED))
                .otherwise(lit(null).cast("string"));
    }

    public static Column meetsThresholdColumn(Column distributed, Column returned, BigDecimal threshold) {
        // a BigDecimal literal is an exact decimal; decimal × decimal stays exact, so no rounding at the boundary
        Column exactReturned = returned.cast(DataTypes.createDecimalType(20, 0));
        Column exactRequired = distributed.cast(DataTypes.createDecimalType(20, 0)).multiply(lit(threshold));
        return when(anomalyColumn(distributed, returned).isNotNull(), lit(false))
                .otherwise(exactReturned.geq(exactRequired));
    }

    /**
     * An office against a plan objective's target for the return rate: like {@link #meetsThreshold} (exact, never
     * with an anomaly) with the target in place of the threshold; {@code at_most} compares the other way.
     */
    public static boolean meetsTarget(Long distributed, long returned, BigDecimal target, String comparison) {
        if (anomaly(distributed, returned) != null) {
            return false;
        }
        int compared = BigDecimal.valueOf(returned).compareTo(target.multiply(BigDecimal.valueOf(distributed)));
        return "at_most".equals(comparison) ? compared <= 0 : compared >= 0;
    }

    /** {@link #meetsTarget} as a Spark expression; the target column is a decimal or double fraction. */
    public static Column meetsTargetColumn(Column distributed, Column returned, Column target, Column comparison) {
        Column exactReturned = returned.cast(DataTypes.createDecimalType(20, 0));
        Column exactRequired = distributed.cast(DataTypes.createDecimalType(20, 0))
                .multiply(target.cast(DataTypes.createDecimalType(20, 10)));
        return when(anomalyColumn(distributed, returned).isNotNull(), lit(false))
                .when(comparison.equalTo(lit("at_most")), exactReturned.leq(exactRequired))
                .otherwise(exactReturned.geq(exactRequired));
    }

    /** Validates a threshold given on the command line or in configuration: a fraction in (0, 1]. */
    public static BigDecimal checkThreshold(BigDecimal threshold) {
        if (threshold == null || threshold.signum() <= 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the return-rate threshold must be a fraction above 0 and at most 1"
                    + " (0.60 for 60%), got " + threshold);
        }
        return threshold;
    }
}
