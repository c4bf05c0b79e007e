package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.apache.spark.sql.Column;

/**
 * Whether a feedback entry is open at the as-of date, and open for more than 30 days. An entry is open at the
 * as-of date when it was received on or before that date and either its status is open, or it is closed but
 * closed after the as-of date (its closing lies in the as-of date's future). An entry received after the as-of
 * date is never open at it. Open over 30 days: open, and received more than 30 days before the as-of date
 * (as-of − received_on &gt; 30 days: exactly 30 days old is not over). The one definition, in Java and as Spark
 * expressions; a test holds the two equal.
 */
public final class OpenFeedback {

    public static final int OVER_DAYS = 30;
    public static final String OPEN = "open";

    private OpenFeedback() {
    }

    public static boolean isOpenAt(String status, LocalDate receivedOn, LocalDate closedOn, LocalDate asOf) {
        if (receivedOn.isAfter(asOf)) {
            return false;
        }
        return OPEN.equals(status) || (closedOn != null && closedOn.isAfter(asOf));
    }

    public static boolean isOpenOverDays(String status, LocalDate receivedOn, LocalDate closedOn, LocalDate asOf) {
        return isOpenAt(status, receivedOn, closedOn, asOf) && ChronoUnit.DAYS.between(receivedOn, asOf) > OVER_DAYS;
    }

    /** {@link #isOpenAt} as a Spark boolean expression; never null. */
    public static Column openAtColumn(Column status, Column receivedOn, Column closedOn, LocalDate asOf) {
        return openAtColumn(status, receivedOn, closedOn, lit(asOf));
    }

    /** {@link #isOpenAt} at a date column: each row judged at its own day (its review year's cut-off). */
    public static Column openAtColumn(Column status, Column receivedOn, Column closedOn, Column day) {
        Column closedLater = coalesce(closedOn.gt(day), lit(false));
        return receivedOn.leq(day).and(coalesce(status.equalTo(lit(OPEN)), lit(false)).or(closedLater));
    }

    /** {@link #isOpenOverDays} as a Spark boolean expression; never null. */
    public static Column openOverDaysColumn(Column status, Column receivedOn, Column closedOn, LocalDate asOf) {
        return openOverDaysColumn(status, receivedOn, closedOn, lit(asOf));
    }

    /** {@link #isOpenOverDays} at a date column. */
    public static Column openOverDaysColumn(Column status, Column receivedOn, Column closedOn, Column day) {
        return openAtColumn(status, receivedOn, closedOn, day)
                .and(datediff(day, receivedOn).gt(lit(OVER_DAYS)));
    }
}
