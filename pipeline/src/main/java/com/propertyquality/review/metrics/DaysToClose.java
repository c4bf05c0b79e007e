package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.function.IntToDoubleFunction;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * How long a closed feedback entry took: whole days from received_on to closed_on (same day = 0), and the
 * percentiles of those days over a group. The percentile is exact, with linear interpolation between the two
 * nearest values: over the n values sorted ascending, position = (n − 1) × p (0-based), and the result is
 * {@code (hi − position) × x[lo] + (position − lo) × x[hi]} with lo = floor(position), hi = ceil(position). This
 * is Spark's {@code percentile} (never {@code percentile_approx}) and numpy's default ("linear"); the median of
 * an even count is the mean of the two middle values. Null over no values.
 */
public final class DaysToClose {

    public static final double MEDIAN = 0.5;
    public static final double P90 = 0.9;

    private DaysToClose() {
    }

    /** Whole days from received to closed. */
    public static long days(LocalDate receivedOn, LocalDate closedOn) {
        return ChronoUnit.DAYS.between(receivedOn, closedOn);
    }

    /** The same as a Spark expression over two date columns (an int). */
    public static Column daysColumn(Column receivedOn, Column closedOn) {
        return datediff(closedOn, receivedOn);
    }

    /** The exact percentile p (0 to 1) with linear interpolation, or null when there are no values. */
    public static Double percentileOf(Collection<? extends Number> values, double p) {
        checkPercentile(p);
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        return interpolated(sorted.length, p, i -> sorted[i]);
    }

    /**
     * The exact percentile p of the first {@code count} values of {@code sorted}, which are in ascending order; null
     * when {@code count} is 0. The same arithmetic as {@link #percentileOf}, without a copy: for a mart that holds
     * each group's days in an array of its own.
     */
    public static Double percentileOfSorted(int[] sorted, int count, double p) {
        checkPercentile(p);
        if (count < 0 || count > sorted.length) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + sorted.length);
        }
        return interpolated(count, p, i -> sorted[i]);
    }

    private static Double interpolated(int count, double p, IntToDoubleFunction sorted) {
        if (count == 0) {
            return null;
        }
        // the same arithmetic, operation for operation, as Spark's Percentile, so both give the same double
        double position = (count - 1) * p;
        long lower = (long) Math.floor(position);
        long higher = (long) Math.ceil(position);
        double low = sorted.applyAsDouble((int) lower);
        if (higher == lower) {
            return low;
        }
        double high = sorted.applyAsDouble((int) higher);
        if (high == low) {
            return low;
        }
        return (higher - position) * low + (position - lower) * high;
    }

    /** The exact percentile p of a numeric column, as an aggregate; nulls are skipped, null over no values. */
    public static Column percentileColumn(Column days, double p) {
        return percentile(days, lit(p));
    }

    /**
     * Several exact percentiles of one column as one aggregate: an array of doubles in the order of {@code ps},
     * each the value {@link #percentileColumn} gives (the same arithmetic over the same sorted counts), or null
     * over no values. One aggregation buffer (a count per distinct value) serves them all, where an aggregate per
     * percentile would build and shuffle one each.
     */
    public static Column percentilesColumn(Column days, double... ps) {
        for (double p : ps) {
            checkPercentile(p);
        }
        return percentile(days, array(Arrays.stream(ps).mapToObj(functions::lit).toArray(Column[]::new)));
    }

    private static void checkPercentile(double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a percentile is between 0 and 1, got " + p);
        }
    }
}
