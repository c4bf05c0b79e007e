package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * 满意率 (procedure 5.1.6): qualified items / (qualified items + unsatisfied items), counted over rated items,
 * not over forms; blank items count in neither. Null when nothing was rated. This class is the one definition:
 * the Spark marts use {@link #column}, Java callers {@link #of}, and a test holds the two equal.
 */
public final class SatisfactionRate {

    private SatisfactionRate() {
    }

    /** The rate as a fraction (0.8 for 80%), or null when qualified + unsatisfied is zero. */
    public static Double of(long qualified, long unsatisfied) {
        if (qualified < 0 || unsatisfied < 0) {
            throw new IllegalArgumentException("item counts cannot be negative: " + qualified + ", " + unsatisfied);
        }
        long rated = qualified + unsatisfied;
        return rated == 0 ? null : (double) qualified / rated;
    }

    /** The same rule as a Spark expression over two count columns. */
    public static Column column(Column qualified, Column unsatisfied) {
        Column rated = qualified.plus(unsatisfied);
        return when(rated.equalTo(lit(0)), lit(null).cast("double"))
                .otherwise(qualified.cast("double").divide(rated.cast("double")));
    }
}
