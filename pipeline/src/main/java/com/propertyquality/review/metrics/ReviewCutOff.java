package com.propertyquality.review.metrics;

import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;

import org.apache.spark.sql.Column;

/**
 * The day a review year's figures are judged at: what is open, overdue, verified, and which 12 months of purchases
 * count. A management review signs figures that must not change with the day they are computed, so every year is
 * judged at its own cut-off, {@link #DEFAULT_DAY 31 December} of that year unless the setting {@code
 * review.cut-off} moves it (a company whose review year ends on 30 June sets {@code 06-30}). {@code aggregate
 * --as-of DAY} replaces every year's cut-off by that one day, for "what is overdue today".
 *
 * <p>Nothing here reads the clock. The Java and Spark forms give the same day; a test holds them equal, 29 February
 * included (in a year without it, a cut-off of 02-29 is 28 February, as {@link MonthDay#atYear}).
 */
public final class ReviewCutOff {

    /** The setting's default: the end of the calendar year. */
    public static final MonthDay DEFAULT_DAY = MonthDay.of(12, 31);

    private final MonthDay day;
    private final LocalDate asOf;

    private ReviewCutOff(MonthDay day, LocalDate asOf) {
        this.day = day;
        this.asOf = asOf;
    }

    /** Each year at its own cut-off: this day of the year. */
    public static ReviewCutOff yearly(MonthDay day) {
        if (day == null) {
            throw new IllegalArgumentException("the cut-off day is required");
        }
        return new ReviewCutOff(day, null);
    }

    /** Every year judged at one given day (aggregate --as-of). */
    public static ReviewCutOff asOf(LocalDate day) {
        if (day == null) {
            throw new IllegalArgumentException("the as-of date is required");
        }
        return new ReviewCutOff(null, day);
    }

    /** The yearly cut-off of the setting, or the one as-of day when given. */
    public static ReviewCutOff of(MonthDay yearly, LocalDate asOf) {
        return asOf != null ? asOf(asOf) : yearly(yearly);
    }

    /**
     * Reads the setting {@code MM-dd} (as {@code 12-31}, or {@code --12-31}, ISO's form of a month and day).
     *
     * @throws IllegalArgumentException with the value and the expected form
     */
    public static MonthDay parseDay(String text) {
        String value = text == null ? "" : text.strip();
        try {
            return MonthDay.parse(value.startsWith("--") ? value : "--" + value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("review.cut-off must be a month and day as MM-dd (for example 12-31),"
                    + " not '" + text + "'", e);
        }
    }

    /** True when one as-of day replaces the yearly cut-offs. */
    public boolean fixed() {
        return asOf != null;
    }

    /** The day the figures of {@code year} are judged at. */
    public LocalDate forYear(int year) {
        return asOf != null ? asOf : day.atYear(year);
    }

    /**
     * {@link #forYear} as a Spark date expression over an integer year column: the month's first day plus the days,
     * but never past the month's last day (02-29 in a common year is 28 February).
     */
    public Column forYear(Column year) {
        if (asOf != null) {
            return lit(java.sql.Date.valueOf(asOf));
        }
        Column first = make_date(year, lit(day.getMonthValue()), lit(1));
        return least(date_add(first, day.getDayOfMonth() - 1), last_day(first));
    }

    /** The yearly day, or null when one as-of day is fixed. */
    public MonthDay yearlyDay() {
        return day;
    }

    @Override
    public String toString() {
        return asOf != null ? "as of " + asOf : "cut-off " + day.toString().substring(2) + " of each year";
    }
}
