package com.propertyquality.review.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import com.propertyquality.review.reports.document.CellKind;

/**
 * How a table cell is printed in PDF and HTML. Percentages go through {@link Percent}, the one formatter of rates;
 * XLSX gets the values themselves (see {@link TableDesigns}).
 */
final class CellText {

    private CellText() {}

    static String format(CellKind kind, Object value) {
        if (kind == CellKind.SIGNATURE) {
            return "";
        }
        if (value == null) {
            return Percent.MISSING;
        }
        return switch (kind) {
            case PERCENT -> value instanceof BigDecimal exact ? Percent.format(exact)
                    : Percent.format(((Number) value).doubleValue());
            case DECIMAL -> twoDecimals(value).toPlainString();
            case POINTS -> {
                BigDecimal points = twoDecimals(value);
                yield points.signum() > 0 ? "+" + points.toPlainString() : points.toPlainString();
            }
            case COUNT -> Long.toString(((Number) value).longValue());
            case DATE -> value.toString(); // ISO: 2025-03-01
            case TEXT, SIGNATURE -> value.toString();
        };
    }

    /** The value XLSX stores: numbers as numbers (doubles keep their full precision), dates as dates. */
    static Object cellValue(CellKind kind, Object value) {
        if (value == null || kind == CellKind.SIGNATURE) {
            return null;
        }
        return switch (kind) {
            case PERCENT, DECIMAL, POINTS -> ((Number) value).doubleValue();
            case COUNT -> ((Number) value).longValue();
            case DATE -> value instanceof LocalDate date ? java.sql.Date.valueOf(date) : value;
            case TEXT, SIGNATURE -> value.toString();
        };
    }

    /** Through Double.toString like {@link Percent}: a score of 4.125 is rounded as written, to 4.13. */
    private static BigDecimal twoDecimals(Object value) {
        BigDecimal exact = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).doubleValue());
        return exact.setScale(2, RoundingMode.HALF_UP);
    }
}
