package com.propertyquality.review.packet;

import java.util.List;
import java.util.Objects;

/**
 * The customer-value marts ({@code customer_segments}, {@code purchase_needs}) are one snapshot taken at the as-of
 * date, and their {@code year} is the year of that date, not a survey or review year. A review of year Y is
 * prepared late in Y or early in Y+1 (the sample: review 2025, as of 2026-01-10), so the snapshot of Y+1, else of
 * Y, is the one that serves it. A snapshot of any other year belongs to another review and is not shown.
 */
final class CustomerValueSnapshot {

    private CustomerValueSnapshot() {}

    /** The snapshot's rows for the review year, in the mart's order; empty when there is none. */
    static List<MartRow> rows(PacketSource source, String mart, int reviewYear) {
        List<MartRow> next = MartRow.of(source.martOfYear(mart, reviewYear + 1));
        return next.isEmpty() ? MartRow.of(source.martOfYear(mart, reviewYear)) : next;
    }

    /** One office's rows of the snapshot for the review year, in the mart's order; empty when there are none. */
    static List<MartRow> rowsOfOffice(PacketSource source, String mart, int reviewYear, String officeId) {
        int snapshot = source.martOfYear(mart, reviewYear + 1).isEmpty() ? reviewYear : reviewYear + 1;
        return MartRow.of(source.martOfOffice(mart, snapshot, officeId));
    }

    /** The year of the snapshot used (the as-of year), or null when there is none. */
    static Integer year(List<MartRow> rows) {
        return rows.isEmpty() ? null : rows.get(0).integer("year");
    }

    /** The survey year {@code customer_segments} took satisfaction from, or null when none is given. */
    static Integer surveyYear(List<MartRow> segments) {
        return segments.stream().map(row -> row.integer("survey_year")).filter(Objects::nonNull).findFirst()
                .orElse(null);
    }
}
