package com.propertyquality.review.packet;

import java.util.Collection;
import java.util.Objects;

import com.propertyquality.review.marts.MartColumn;

/**
 * Totals of the additive counts of mart rows (entries, inspections, nonconformities, households), for the
 * summaries that group a mart coarser than its grain. data/README.md states which counts add up across rows; rates,
 * averages and percentiles never do, so they are never totalled here.
 */
final class Tally {

    private Tally() {}

    /** The sum of a count column over the rows; null cells add nothing; null when there are no rows. */
    static Long sum(Collection<MartRow> rows, MartColumn column) {
        if (rows.isEmpty()) {
            return null;
        }
        return rows.stream().map(row -> row.count(column)).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }
}
