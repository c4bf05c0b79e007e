package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;

/**
 * The difference of two rates in percentage points (百分点): 0.85 against 0.80 is +5 points. Null when either rate
 * is null. Used for the change against the previous year and the gap to the company figure.
 */
public final class PercentagePoints {

    private PercentagePoints() {
    }

    public static Double between(Double rate, Double reference) {
        return rate == null || reference == null ? null : (rate - reference) * 100;
    }

    /** The same as a Spark expression; arithmetic on a null gives null. */
    public static Column column(Column rate, Column reference) {
        return rate.minus(reference).multiply(lit(100.0));
    }
}
