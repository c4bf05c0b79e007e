package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * part / whole as a double, null when the whole is zero: the arithmetic under every rate of the procedures
 * (satisfaction, closure, authenticity, shares). The rates keep their own names and checks; the division and its
 * zero case live here once, in Java and as a Spark expression.
 */
public final class Fraction {

    private Fraction() {
    }

    public static Double of(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    public static Column column(Column part, Column whole) {
        return when(whole.equalTo(lit(0)), lit(null).cast("double"))
                .otherwise(part.cast("double").divide(whole.cast("double")));
    }
}
