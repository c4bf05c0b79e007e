package com.propertyquality.review.packet;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import com.propertyquality.review.marts.ReviewMarts.ReviewReadiness;
import com.propertyquality.review.marts.ReviewMarts;

/**
 * The day a year's figures were judged at, as the marts say: the year's cut-off (31 December by default), or the
 * one day {@code aggregate --as-of} gave. Read from {@code review_readiness}, which has a row for every year with
 * data; the packet prints it wherever it says "as of", never the day it is rendered.
 */
final class CutOffDay {

    private CutOffDay() {}

    static Optional<LocalDate> of(PacketSource source, int year) {
        return source.rowsOfYear(ReviewMarts.REVIEW_READINESS, year).stream()
                .map(row -> row.date(ReviewReadiness.AS_OF)).filter(Objects::nonNull).findFirst();
    }
}
