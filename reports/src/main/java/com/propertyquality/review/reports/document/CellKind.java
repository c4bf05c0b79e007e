package com.propertyquality.review.reports.document;

/**
 * What a table column holds, which decides how it is printed and which cell type it gets in XLSX.
 * <ul>
 * <li>{@code TEXT}: a String (or anything, printed with toString); wraps.</li>
 * <li>{@code COUNT}: a whole number (Integer or Long).</li>
 * <li>{@code DECIMAL}: a number printed with two decimals (BigDecimal or Double), such as an amount or a score.</li>
 * <li>{@code PERCENT}: a fraction (Double or BigDecimal: 0.8934 prints as 89.34%), through the one formatter
 * {@code Percent}.</li>
 * <li>{@code POINTS}: a difference of two rates in percentage points (Double: -5.1 prints as -5.10).</li>
 * <li>{@code DATE}: a LocalDate, printed ISO (2025-03-01).</li>
 * <li>{@code SIGNATURE}: left blank for a handwritten signature; the row is drawn tall.</li>
 * </ul>
 * A null cell prints as "—" (in XLSX: an empty cell).
 */
public enum CellKind {
    TEXT, COUNT, DECIMAL, PERCENT, POINTS, DATE, SIGNATURE
}
