package com.propertyquality.review.packet;

import java.util.List;
import java.util.Objects;

import com.propertyquality.review.marts.CustomerValueMarts.CustomerSegments;

/**
 * The customer-value marts ({@code customer_segments}, {@code purchase_needs}) hold one valuation per review year,
 * taken at that year's cut-off (or the one {@code --as-of} day): the review of year Y shows the valuation of Y,
 * never a later year's, so rebuilding an old packet after a new year's data is loaded changes nothing.
 */
final class CustomerValueSnapshot {

    private CustomerValueSnapshot() {}

    /** The valuation's rows for the review year, in the mart's order; empty when there is none. */
    static List<MartRow> rows(PacketSource source, String mart, int reviewYear) {
        return source.rowsOfYear(mart, reviewYear);
    }

    /** One office's rows of the valuation for the review year, in the mart's order; empty when there are none. */
    static List<MartRow> rowsOfOffice(PacketSource source, String mart, int reviewYear, String officeId) {
        return source.rowsOfOffice(mart, reviewYear, officeId);
    }

    /** The review year of the valuation used, or null when there is none. */
    static Integer year(List<MartRow> rows) {
        return rows.isEmpty() ? null : rows.get(0).integer(CustomerSegments.YEAR);
    }

    /** The survey year {@code customer_segments} took satisfaction from, or null when none is given. */
    static Integer surveyYear(List<MartRow> segments) {
        return segments.stream().map(row -> row.integer(CustomerSegments.SURVEY_YEAR)).filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
