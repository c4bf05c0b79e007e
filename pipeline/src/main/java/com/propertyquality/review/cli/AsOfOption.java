package com.propertyquality.review.cli;

import java.time.LocalDate;

import picocli.CommandLine.Option;

/**
 * --as-of: one day to judge open and overdue items at, for every year ("what is overdue today"). Without it each
 * review year is judged at its own cut-off (review.cut-off, 31 December by default): no command reads the clock.
 */
public class AsOfOption {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Judge open and overdue items of every year as of this day (default: each review year at"
                    + " its cut-off, review.cut-off, 31 December).")
    LocalDate asOf;

    /** The day given, or null: each year at its cut-off. */
    LocalDate day() {
        return asOf;
    }
}
