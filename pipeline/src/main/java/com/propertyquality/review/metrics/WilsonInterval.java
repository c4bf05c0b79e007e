package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The 95% Wilson score interval of a sampled proportion: where the true rate lies, given a rate p measured on n
 * independent units. Unlike p ± z·√(p(1−p)/n) it stays inside [0, 1] and is not zero-wide at 0 of n or n of n:
 * <pre>
 *   centre = (p + z²/(2n)) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √(p(1−p)/n + z²/(4n²))
 *   low, high = centre ∓ half
 * </pre>
 * with z = {@link #Z_95}. Null when n = 0 (nothing measured) or the rate is null. At 0 of n the low bound is 0 and
 * at n of n the high bound is 1, exactly (the formula's value; the arithmetic misses it by 1e−16); otherwise the
 * bounds are clamped to [0, 1] only where floating error could push them a hair outside.
 * Which n belongs to which rate is the caller's choice, documented in data/README.md ("Intervals and
 * significance"): one answer per form for a survey item, the forms for a rate pooled over items.
 * This class is the one definition: the marts use {@link #lowColumn}/{@link #highColumn}, Java callers {@link #of},
 * and a test holds the two equal.
 *
 * @param low  the lower bound, a fraction
 * @param high the upper bound, a fraction
 */
public record WilsonInterval(double low, double high) {

    /** The two-sided 95% quantile of the standard normal distribution, Φ⁻¹(0.975). */
    public static final double Z_95 = 1.959963984540054;

    private static final double Z_SQUARED = Z_95 * Z_95;

    /** The interval of a rate measured on n units, or null when n is 0 or the rate is null. */
    public static WilsonInterval of(Double rate, long n) {
        if (n < 0) {
            throw new IllegalArgumentException("the number of units cannot be negative: " + n);
        }
        if (rate != null && (rate < 0 || rate > 1)) {
            throw new IllegalArgumentException("a rate is a fraction in [0, 1]: " + rate);
        }
        if (rate == null || n == 0) {
            return null;
        }
        double units = n;
        double p = rate;
        double shrink = 1 + Z_SQUARED / units;
        double centre = (p + Z_SQUARED / (2 * units)) / shrink;
        double half = Z_95 / shrink * Math.sqrt(p * (1 - p) / units + Z_SQUARED / (4 * units * units));
        // at 0 of n the low bound is 0 and at n of n the high bound is 1 exactly; the arithmetic misses by 1e-16
        return new WilsonInterval(p == 0 ? 0.0 : clamp(centre - half), p == 1 ? 1.0 : clamp(centre + half));
    }

    /** The lower bound as a Spark expression over a rate column and a count of units; null as in {@link #of}. */
    public static Column lowColumn(Column rate, Column n) {
        return bound(rate, n, -1);
    }

    /** The upper bound as a Spark expression; null as in {@link #of}. */
    public static Column highColumn(Column rate, Column n) {
        return bound(rate, n, 1);
    }

    /** The same arithmetic as {@link #of}, operation for operation, so that both give the same doubles. */
    private static Column bound(Column rate, Column n, int side) {
        Column units = n.cast("double");
        Column p = rate.cast("double");
        Column shrink = lit(1.0).plus(lit(Z_SQUARED).divide(units));
        Column centre = p.plus(lit(Z_SQUARED).divide(lit(2.0).multiply(units))).divide(shrink);
        Column half = lit(Z_95).divide(shrink).multiply(sqrt(p.multiply(lit(1.0).minus(p)).divide(units)
                .plus(lit(Z_SQUARED).divide(lit(4.0).multiply(units).multiply(units)))));
        Column bound = side < 0 ? centre.minus(half) : centre.plus(half);
        Column exact = side < 0 ? p.equalTo(lit(0.0)) : p.equalTo(lit(1.0));
        return when(n.isNull().or(n.equalTo(lit(0))).or(rate.isNull()), lit(null).cast("double"))
                .when(exact, p)
                .otherwise(greatest(lit(0.0), least(lit(1.0), bound)));
    }

    private static double clamp(double bound) {
        return Math.max(0.0, Math.min(1.0, bound));
    }
}
