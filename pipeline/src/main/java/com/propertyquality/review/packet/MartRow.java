package com.propertyquality.review.packet;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.propertyquality.review.marts.MartColumn;

/**
 * Typed access to one mart or lake row as {@link PacketSource} gives it, so chapters read columns by name without
 * casts. A missing column is a programming error and fails loudly; a null value stays null.
 */
public record MartRow(Map<String, Object> values) {

    public static List<MartRow> of(List<Map<String, Object>> rows) {
        return rows.stream().map(MartRow::new).toList();
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
        return get(column.name());
    }

    public String text(MartColumn column) {
        return text(column.name());
    }

    public Long count(MartColumn column) {
        return count(column.name());
    }

    public Double number(MartColumn column) {
        return number(column.name());
    }

    public Integer integer(MartColumn column) {
        return integer(column.name());
    }

    public Boolean flag(MartColumn column) {
        return flag(column.name());
    }

    public boolean isTrue(MartColumn column) {
        return isTrue(column.name());
    }

    public boolean isPositive(MartColumn column) {
        return isPositive(column.name());
    }

    public LocalDate date(MartColumn column) {
        return date(column.name());
    }

    public boolean has(MartColumn column) {
        return has(column.name());
    }
}
