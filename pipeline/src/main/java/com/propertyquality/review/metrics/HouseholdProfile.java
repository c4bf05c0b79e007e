package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * How a household is described for segment figures: the head's age band and the family structure, from the
 * customer records (客户资料: 年龄, 家庭结构). One definition, in Java and as Spark expressions.
 */
public final class HouseholdProfile {

    /** Upper bounds (exclusive) of the age bands and their names; the last band is open. */
    private static final int[] BAND_LIMITS = {30, 45, 60, 75};
    private static final String[] BANDS = {"under_30", "30_44", "45_59", "60_74", "75_plus"};

    public static final String UNKNOWN = "unknown";

    /** The age bands in age order, unknown last: the order tables list them in (not the codes' text order). */
    public static final java.util.List<String> AGE_BANDS_IN_ORDER = java.util.List.of("under_30", "30_44", "45_59",
            "60_74", "75_plus", UNKNOWN);

    private HouseholdProfile() {
    }

    /** under_30, 30_44, 45_59, 60_74, 75_plus, or unknown without an age. */
    public static String ageBand(Integer age) {
        if (age == null) {
            return UNKNOWN;
        }
        for (int i = 0; i < BAND_LIMITS.length; i++) {
            if (age < BAND_LIMITS[i]) {
                return BANDS[i];
            }
        }
        return BANDS[BANDS.length - 1];
    }

    public static Column ageBandColumn(Column age) {
        Column band = when(age.isNull(), lit(UNKNOWN));
        for (int i = 0; i < BAND_LIMITS.length; i++) {
            band = band.when(age.lt(BAND_LIMITS[i]), lit(BANDS[i]));
        }
        return band.otherwise(lit(BANDS[BANDS.length - 1]));
    }

    /**
     * single (one person), couple (two, no children or elderly), with_children, with_elderly,
     * three_generations (children and elderly), other (more people, neither), unknown (no family size).
     */
    public static String familyStructure(Integer size, Integer children, Integer elderly) {
        boolean kids = children != null && children > 0;
        boolean old = elderly != null && elderly > 0;
        if (kids && old) {
            return "three_generations";
        }
        if (kids) {
            return "with_children";
        }
        if (old) {
            return "with_elderly";
        }
        if (size == null) {
            return UNKNOWN;
        }
        return size <= 1 ? "single" : size == 2 ? "couple" : "other";
    }

    public static Column familyStructureColumn(Column size, Column children, Column elderly) {
        Column kids = children.isNotNull().and(children.gt(0));
        Column old = elderly.isNotNull().and(elderly.gt(0));
        return when(kids.and(old), lit("three_generations"))
                .when(kids, lit("with_children"))
                .when(old, lit("with_elderly"))
                .when(size.isNull(), lit(UNKNOWN))
                .when(size.leq(1), lit("single"))
                .when(size.equalTo(2), lit("couple"))
                .otherwise(lit("other"));
    }
}
