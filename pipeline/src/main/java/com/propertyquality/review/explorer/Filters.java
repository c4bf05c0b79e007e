package com.propertyquality.review.explorer;

/**
 * What a request narrows a table to. Every value is bound as a parameter of a fixed query, never written into SQL.
 * {@code office} null means the company (or every office, for the per-office tables).
 */
record Filters(Integer year, String office, String city, String propertyType, String dimension, String item) {

    static Filters of(Integer year, String office, String city, String propertyType, String dimension,
                      String item) {
        return new Filters(year, blankToNull(office), blankToNull(city), blankToNull(propertyType),
                blankToNull(dimension), blankToNull(item));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
