package com.propertyquality.review.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one place where fractions become printed percentages: two decimals, HALF_UP, a percent sign. */
public final class Percent {

    /** Printed for a missing value (no distribution record, nothing rated). */
    public static final String MISSING = "—";

    private Percent() {}

    /** Formats a fraction: 0.8 → "80.00%", 1.05 → "105.00%", null → "—". */
    public static String format(Double fraction) {
        if (fraction == null || fraction.isNaN() || fraction.isInfinite()) {
            return MISSING;
        }
        // valueOf goes through Double.toString, so 0.12345 is rounded as written (12.35%), not as its binary value.
        return format(BigDecimal.valueOf(fraction));
    }

    /** Formats a fraction given exactly, such as the return threshold: 0.60 → "60.00%", null → "—". */
    public static String format(BigDecimal fraction) {
        if (fraction == null) {
            return MISSING;
        }
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
