package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Whether a rate's change on last year is more than sampling noise: the pooled two-proportion z-test, two-sided,
 * at 95%.
 * <pre>
 *   pooled = (p₁n₁ + p₀n₀) / (n₁ + n₀)
 *   z      = (p₁ − p₀) / √(pooled(1 − pooled)(1/n₁ + 1/n₀))
 *   significant when |z| &gt; {@link WilsonInterval#Z_95} (1.96)
 * </pre>
 * (p₁, n₁ this year, p₀, n₀ last year). Null when either year has no rate or no units: there is nothing to test.
 * When the pooled proportion is 0 or 1 (both years all unsatisfied, or all satisfied) there is no variance and no
 * change: not significant, not an error. A 0.3-point drop on 40 forms is far from significant; the same drop on
 * tens of thousands of forms may be. The n of each rate is the one of {@link WilsonInterval} (data/README.md).
 * This class is the one definition: the marts use {@link #column}, Java callers {@link #of}, and a test holds the
 * two equal.
 */
public final class ChangeSignificance {

    private ChangeSignificance() {
    }

    /** Whether the change from (previous, previousN) to (rate, n) is significant at 95%, or null (see above). */
    public static Boolean of(Double rate, long n, Double previous, long previousN) {
        Double z = statistic(rate, n, previous, previousN);
        if (z == null) {
            return null;
        }
        return Math.abs(z) > WilsonInterval.Z_95;
    }

    /**
     * The z statistic: positive for a rise; 0 when the pooled proportion has no variance; null when either year
     * has no rate or no units.
     */
    public static Double statistic(Double rate, long n, Double previous, long previousN) {
        if (n < 0 || previousN < 0) {
            throw new IllegalArgumentException("the number of units cannot be negative: " + n + ", " + previousN);
        }
        if (rate == null || previous == null || n == 0 || previousN == 0) {
            return null;
        }
        double n1 = n;
        double n0 = previousN;
        double pooled = (rate * n1 + previous * n0) / (n1 + n0);
        if (pooled <= 0 || pooled >= 1) {
            return 0.0;
        }
        return (rate - previous) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
    }

    /** {@link #of} as a Spark expression over this year's and last year's rate and unit columns. */
    public static Column column(Column rate, Column n, Column previous, Column previousN) {
        Column n1 = n.cast("double");
        Column n0 = previousN.cast("double");
        Column pooled = rate.multiply(n1).plus(previous.multiply(n0)).divide(n1.plus(n0));
        Column z = rate.minus(previous).divide(sqrt(pooled.multiply(lit(1.0).minus(pooled))
                .multiply(lit(1.0).divide(n1).plus(lit(1.0).divide(n0)))));
        return when(rate.isNull().or(previous.isNull()).or(n.isNull()).or(previousN.isNull())
                        .or(n.equalTo(lit(0))).or(previousN.equalTo(lit(0))), lit(null).cast("boolean"))
                .when(pooled.leq(lit(0.0)).or(pooled.geq(lit(1.0))), lit(false))
                .otherwise(abs(z).gt(lit(WilsonInterval.Z_95)));
    }
}
