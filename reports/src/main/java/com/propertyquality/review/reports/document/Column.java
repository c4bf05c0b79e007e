package com.propertyquality.review.reports.document;

import java.util.Objects;

/**
 * A table column.
 *
 * @param header the column heading
 * @param kind   what the cells hold
 * @param width  a relative width: the columns of a table share the page width in proportion
 */
public record Column(String header, CellKind kind, int width) {

    public Column {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + width);
        }
    }

    public static Column text(String header, int width) {
        return new Column(header, CellKind.TEXT, width);
    }

    public static Column count(String header, int width) {
        return new Column(header, CellKind.COUNT, width);
    }

    public static Column decimal(String header, int width) {
        return new Column(header, CellKind.DECIMAL, width);
    }

    public static Column percent(String header, int width) {
        return new Column(header, CellKind.PERCENT, width);
    }

    public static Column points(String header, int width) {
        return new Column(header, CellKind.POINTS, width);
    }

    public static Column date(String header, int width) {
        return new Column(header, CellKind.DATE, width);
    }

    public static Column signature(String header, int width) {
        return new Column(header, CellKind.SIGNATURE, width);
    }
}
