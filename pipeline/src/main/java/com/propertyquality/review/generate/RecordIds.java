package com.propertyquality.review.generate;

import java.util.Locale;

/**
 * The identifiers of the generated records, in the style of the sample company (SZ01-H0038, FB2025-SZ01-0001):
 * the office id inside every record id, then a number in the office's own sequence. An id is a function of
 * (office, number), which is how one template refers to another's records without holding them.
 */
final class RecordIds {

    private RecordIds() {
    }

    /** SZ0001: the city's code and the office's number in that city. */
    static String office(String cityCode, int number) {
        return cityCode + padded(number, 4);
    }

    static String household(String office, int number) {
        return office + "-H" + padded(number, 5);
    }

    static String surveyForm(int year, String office, int number) {
        return "R" + year + "-" + office + "-" + padded(number, 5);
    }

    static String feedback(int year, String office, int number) {
        return "FB" + year + "-" + office + "-" + padded(number, 6);
    }

    static String returnVisit(int year, String office, int number) {
        return "HF" + year + "-" + office + "-" + padded(number, 5);
    }

    static String purchase(int year, String office, int number) {
        return "XF" + year + "-" + office + "-" + padded(number, 6);
    }

    static String inspection(int year, String office, int number) {
        return "JC" + year + "-" + office + "-" + padded(number, 4);
    }

    /** A null office is the head office. */
    static String action(int year, String office, int number) {
        return "CA" + year + "-" + (office == null ? "HQ" : office) + "-" + padded(number, 3);
    }

    /**
     * The id a clerk gives a row that goes wrong (a second entry under the same number): never one of the
     * generated ids, so nothing refers to it.
     */
    static String reentered(String id) {
        return id + "-2";
    }

    /** An office id mistyped: the letter O for a zero (SZO001), or lower case when there is no zero. */
    static String mistyped(String office) {
        int zero = office.indexOf('0');
        return zero >= 0 ? office.substring(0, zero) + 'O' + office.substring(zero + 1)
                : office.toLowerCase(Locale.ROOT);
    }

    static String padded(long number, int width) {
        String digits = Long.toString(number);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
