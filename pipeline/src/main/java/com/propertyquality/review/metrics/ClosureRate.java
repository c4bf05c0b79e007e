package com.propertyquality.review.metrics;


import org.apache.spark.sql.Column;

/**
 * Closure rate of the feedback register (顾客意见登记表): entries with status closed / all entries of the group.
 * Null when the group has no entries. This class is the one definition: the Spark marts use {@link #column},
 * Java callers {@link #of}, and a test holds the two equal.
 */
public final class ClosureRate {

    private ClosureRate() {
    }

    /** closed / entries as a fraction (0.75 for 75%), or null when there are no entries. */
    public static Double of(long closed, long entries) {
        if (closed < 0 || entries < 0) {
            throw new IllegalArgumentException("counts cannot be negative: " + closed + " closed, " + entries
                    + " entries");
        }
        if (closed > entries) {
            throw new IllegalArgumentException("more closed entries (" + closed + ") than entries (" + entries + ")");
        }
        return Fraction.of(closed, entries);
    }

    /** The same rule as a Spark expression over two count columns. */
    public static Column column(Column closed, Column entries) {
        return Fraction.column(closed, entries);
    }
}
