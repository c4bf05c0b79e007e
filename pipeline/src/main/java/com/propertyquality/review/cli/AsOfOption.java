package com.propertyquality.review.cli;

import java.time.LocalDate;

import picocli.CommandLine.Option;

/** --as-of: the day the marts judge open and overdue items at. The only place the clock is read. */
public class AsOfOption {

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Judge open and overdue items as of this day (default: today).")
    LocalDate asOf;

    LocalDate day() {
        return asOf != null ? asOf : LocalDate.now();
    }
}
