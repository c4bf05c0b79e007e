package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The management review's schedule (procedure 4.1.1) and the thresholds of its attention items (关注事项): the one
 * definition of each, in Java and as Spark expressions; a test holds the two equal. The extra-review triggers of
 * 4.1.2 themselves are what the plan, the register and the audit findings say (ReviewMarts); nothing here decides
 * one.
 *
 * <ul>
 *   <li><b>Schedule:</b> reviews are never more than {@link #MAX_MONTHS_BETWEEN_REVIEWS} months apart. The review
 *       is due by {@code previous_review_on + 12 months} (calendar months; 31 January + 1 month = 28/29
 *       February, as {@link LocalDate#plusMonths} and Spark's {@code add_months}); a meeting after that day is
 *       late, even by one day.</li>
 *   <li><b>Satisfaction drop:</b> a fall of <em>more than</em> {@link #SATISFACTION_DROP_POINTS} percentage points
 *       against the previous year, compared exactly on the item counts, never on the double rates: a drop of
 *       exactly 5 points is not an attention item.</li>
 *   <li><b>Many nonconformities in one inspection</b> (an attention item; a routine inspection is not a
 *       quality-system audit, so never 4.1.2 g): at least {@link #NONCONFORMITY_LIMIT} nonconformities, or
 *       an {@code external} inspection with any nonconformity.</li>
 * </ul>
 */
public final class ReviewTriggers {

    /** 4.1.1: 时间间隔不超过12个月. */
    public static final int MAX_MONTHS_BETWEEN_REVIEWS = 12;
    /** A drop of more than this many percentage points against the previous year is an attention item. */
    public static final BigDecimal SATISFACTION_DROP_POINTS = new BigDecimal("5");
    /** An inspection with at least this many nonconformities is an attention item. */
    public static final int NONCONFORMITY_LIMIT = 5;
    /** The inspection level whose every nonconformity counts as serious (a second- or third-party finding). */
    public static final String EXTERNAL_LEVEL = "external";

    private ReviewTriggers() {
    }

    // ---- schedule ----

    /** The last day the next review may be held: previous + 12 calendar months; null without a previous date. */
    public static LocalDate dueBy(LocalDate previous) {
        return previous == null ? null : previous.plusMonths(MAX_MONTHS_BETWEEN_REVIEWS);
    }

    public static Column dueByColumn(Column previous) {
        return add_months(previous, MAX_MONTHS_BETWEEN_REVIEWS);
    }

    /**
     * Whole months from {@code previous} to {@code meeting}: the largest m with previous + m months ≤ meeting
     * (plusMonths clamps to the month's end, so 31 Jan → 28 Feb is 1 month). Null when either is null.
     */
    public static Integer wholeMonths(LocalDate previous, LocalDate meeting) {
        if (previous == null || meeting == null) {
            return null;
        }
        int months = (meeting.getYear() - previous.getYear()) * 12 + meeting.getMonthValue()
                - previous.getMonthValue();
        return previous.plusMonths(months).isAfter(meeting) ? months - 1 : months;
    }

    public static Column wholeMonthsColumn(Column previous, Column meeting) {
        Column months = year(meeting).minus(year(previous)).multiply(12).plus(month(meeting)).minus(month(previous));
        return when(add_months(previous, months).gt(meeting), months.minus(1)).otherwise(months);
    }

    /** meeting ≤ previous + 12 months; null without a previous date. */
    public static Boolean withinInterval(LocalDate previous, LocalDate meeting) {
        return previous == null || meeting == null ? null : !meeting.isAfter(dueBy(previous));
    }

    public static Column withinIntervalColumn(Column previous, Column meeting) {
        return meeting.leq(dueByColumn(previous));
    }

    // ---- satisfaction drop ----

    /**
     * True when the rate qualified/(qualified+unsatisfied) fell by more than {@link #SATISFACTION_DROP_POINTS}
     * points from the previous year, compared exactly: (q0·n1 − q1·n0) × 100 > points × n0 × n1. False when
     * either year rated nothing.
     */
    public static boolean satisfactionDropped(long previousQualified, long previousUnsatisfied, long qualified,
                                              long unsatisfied) {
        long n0 = previousQualified + previousUnsatisfied;
        long n1 = qualified + unsatisfied;
        if (n0 == 0 || n1 == 0) {
            return false;
        }
        BigDecimal drop = BigDecimal.valueOf(previousQualified).multiply(BigDecimal.valueOf(n1))
                .subtract(BigDecimal.valueOf(qualified).multiply(BigDecimal.valueOf(n0)))
                .multiply(BigDecimal.valueOf(100));
        BigDecimal limit = SATISFACTION_DROP_POINTS.multiply(BigDecimal.valueOf(n0)).multiply(BigDecimal.valueOf(n1));
        return drop.compareTo(limit) > 0;
    }

    public static Column satisfactionDroppedColumn(Column previousQualified, Column previousUnsatisfied,
                                                   Column qualified, Column unsatisfied) {
        Column q0 = exact(previousQualified);
        Column q1 = exact(qualified);
        Column n0 = q0.plus(exact(previousUnsatisfied));
        Column n1 = q1.plus(exact(unsatisfied));
        Column drop = q0.multiply(n1).minus(q1.multiply(n0)).multiply(lit(100));
        Column limit = n0.multiply(n1).multiply(lit(SATISFACTION_DROP_POINTS));
        return when(n0.equalTo(lit(0)).or(n1.equalTo(lit(0))), lit(false)).otherwise(drop.gt(limit));
    }

    private static Column exact(Column count) {
        return count.cast(DataTypes.createDecimalType(20, 0));
    }

    // ---- serious nonconformity ----

    /** At least the limit, or an external inspection with any; a blank count is never serious. */
    public static boolean seriousNonconformity(String level, Integer nonconformities) {
        if (nonconformities == null) {
            return false;
        }
        return nonconformities >= NONCONFORMITY_LIMIT || EXTERNAL_LEVEL.equals(level) && nonconformities > 0;
    }

    public static Column seriousNonconformityColumn(Column level, Column nonconformities) {
        return when(nonconformities.isNull(), lit(false))
                .otherwise(nonconformities.geq(lit(NONCONFORMITY_LIMIT))
                        .or(level.equalTo(lit(EXTERNAL_LEVEL)).and(nonconformities.gt(lit(0)))));
    }
}
