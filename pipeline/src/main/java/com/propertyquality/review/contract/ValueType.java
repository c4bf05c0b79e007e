package com.propertyquality.review.contract;

/** How a template column is parsed and stored in the lake. */
public enum ValueType {
    /** Free text or an identifier: UTF-8 string. */
    TEXT,
    /** A value from the column's code list, stored as its English code. */
    CODE,
    /** A whole number: INT32. */
    INTEGER,
    /** A four-digit year: INT32. */
    YEAR,
    /** A calendar date (yyyy-MM-dd, yyyy/M/d, yyyy年M月d日, or an Excel date cell): DATE. */
    DATE,
    /** Money in yuan with two decimals: DECIMAL(12,2). */
    DECIMAL,
    /** A measurement such as an inspection score: DOUBLE. */
    NUMBER,
    /** Yes or no, written as the column's code list says (yes 是, no 否): BOOLEAN. */
    BOOLEAN
}
