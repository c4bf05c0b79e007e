package com.propertyquality.review.packet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.MartColumn;

/**
 * Typed access to one mart or lake row as {@link PacketSource} gives it, so chapters read columns by name without
 * casts. A missing column is a programming error and fails loudly; a null value stays null.
 *
 * A row of a mart knows its mart ({@code mart}; null for a lake row or a row made by hand): a lookup by a declared
 * column the mart does not declare (another mart's constant) is refused, naming both, before the value is read.
 */
public record MartRow(Map<String, Object> values, Mart mart) {

    /** A row whose mart is not known: a lake dataset's. */
    public MartRow(Map<String, Object> values) {
        this(values, null);
    }

    /** Rows of a lake dataset (review_plan, review_events, offices, ...): read by the template's column names. */
    public static List<MartRow> of(List<Map<String, Object>> rows) {
        return rows.stream().map(MartRow::new).toList();
    }

    /** Rows of a mart: read by its declared columns, and only by those. */
    public static List<MartRow> of(Mart mart, List<Map<String, Object>> rows) {
        return rows.stream().map(row -> new MartRow(row, mart)).toList();
    }

    public Object get(String column) {
        if (!values.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + values.keySet());
        }
        return values.get(column);
    }

    public String text(String column) {
        Object value = get(column);
        return value == null ? null : value.toString();
    }

    /** An int32 or int64 column as a Long. */
    public Long count(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).longValue();
    }

    /** A double column (a rate as a fraction, a score, an amount). */
    public Double number(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public Integer integer(String column) {
        Object value = get(column);
        return value == null ? null : ((Number) value).intValue();
    }

    public Boolean flag(String column) {
        return (Boolean) get(column);
    }

    /** True only when the column is true; null counts as false. */
    public boolean isTrue(String column) {
        return Boolean.TRUE.equals(get(column));
    }

    /** True only when the count column is above 0; null counts as 0. */
    public boolean isPositive(String column) {
        Long count = count(column);
        return count != null && count > 0;
    }

    public LocalDate date(String column) {
        return (LocalDate) get(column);
    }

    public boolean has(String column) {
        return values.containsKey(column);
    }

    // the same lookups by a mart's declared column (SurveyMarts.SatisfactionByOffice.SATISFACTION_RATE, ...)

    public Object get(MartColumn column) {
        return get(declared(column));
    }

    public String text(MartColumn column) {
        return text(declared(column));
    }

    public Long count(MartColumn column) {
        return count(declared(column));
    }

    public Double number(MartColumn column) {
        return number(declared(column));
    }

    public Integer integer(MartColumn column) {
        return integer(declared(column));
    }

    public Boolean flag(MartColumn column) {
        return flag(declared(column));
    }

    public boolean isTrue(MartColumn column) {
        return isTrue(declared(column));
    }

    public boolean isPositive(MartColumn column) {
        return isPositive(declared(column));
    }

    public LocalDate date(MartColumn column) {
        return date(declared(column));
    }

    /** Whether the row holds the column: false for a column its mart does not declare (a question, not a read). */
    public boolean has(MartColumn column) {
        return (mart == null || declares(mart, column)) && has(column.name());
    }

    /** The column's name, once the row's mart (when known) is found to declare it. */
    private String declared(MartColumn column) {
        return mart == null ? column.name() : declaredBy(mart, column);
    }

    /**
     * The column's name, once {@code mart} is found to declare it (a row's lookup, a pass naming what it reads).
     *
     * @throws IllegalArgumentException naming the mart and its columns, for a column it does not declare
     */
    static String declaredBy(Mart mart, MartColumn column) {
        if (declares(mart, column)) {
            return column.name();
        }
        throw new IllegalArgumentException("the mart " + mart.name() + " declares no column " + column.name()
                + "; its columns are " + mart.columns().names());
    }

    private static boolean declares(Mart mart, MartColumn column) {
        for (MartColumn own : mart.columns().columns()) {
            if (own == column || own.name().equals(column.name())) {
                return true;
            }
        }
        return false;
    }
}
