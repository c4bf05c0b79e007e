package com.propertyquality.review.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Hand-written parsers for the cell forms the contract accepts. They run once per cell of millions of rows, so
 * they avoid regular expressions and {@code LocalDate.parse}, and they return null for "not this form" instead
 * of throwing.
 */
final class ValueParsers {

    private ValueParsers() {
    }

    /**
     * A date as {@code yyyy-MM-dd}, {@code yyyy/M/d} or {@code yyyy年M月d日} (month and day with one or two
     * digits in each form), or null when the text is none of these or not a real calendar day.
     */
    static LocalDate date(String text) {
        int length = text.length();
        if (length < 8 || length > 11) {
            return null;
        }
        int year = digits(text, 0, 4);
        if (year < 0) {
            return null;
        }
        char separator = text.charAt(4);
        char second;
        char end;
        switch (separator) {
            case '-' -> { second = '-'; end = 0; }
            case '/' -> { second = '/'; end = 0; }
            case '年' -> { second = '月'; end = '日'; }
            default -> { return null; }
        }
        int monthEnd = text.indexOf(second, 5);
        if (monthEnd < 6 || monthEnd > 7) {
            return null;
        }
        int month = digits(text, 5, monthEnd);
        int dayEnd = end == 0 ? length : length - 1;
        if (end != 0 && text.charAt(length - 1) != end) {
            return null;
        }
        int dayLength = dayEnd - monthEnd - 1;
        if (dayLength < 1 || dayLength > 2) {
            return null;
        }
        int day = digits(text, monthEnd + 1, dayEnd);
        if (month < 0 || day < 0) {
            return null;
        }
        if (separator == '-' && (monthEnd != 7 || dayLength != 2)) {
            return null; // the ISO form is written in full: 2025-06-03
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A whole number written with optional sign and digits only, or null. */
    static Long integer(String text) {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (text.length() == start || text.length() - start > 18) {
            return null;
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return text.charAt(0) == '-' ? -value : value;
    }

    /** A decimal number with at most two decimals (yuan and fen), or null. */
    static BigDecimal money(String text) {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return null; // BigDecimal would read 1e2 as 100; nobody writes yuan that way
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return value.scale() > 2 ? null : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A plain decimal number (87, 87.5, -3.25), or null; no exponents, no separators. */
    static Double number(String text) {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return null;
        }
        try {
            return new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses [from, to) as decimal digits; -1 when any character is not a digit. */
    private static int digits(String text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
