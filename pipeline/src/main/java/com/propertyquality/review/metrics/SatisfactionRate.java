package com.propertyquality.review.metrics;


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
        return Fraction.of(qualified, qualified + unsatisfied);
    }

    /** The same rule as a Spark expression over two count columns. */
    public static Column column(Column qualified, Column unsatisfied) {
        return Fraction.column(qualified, qualified.plus(unsatisfied));
    }
}
