package com.propertyquality.review.workbench;

import java.util.List;

/**
 * The rows of a query as plain Java values (String, Integer, Long, Double, BigDecimal, Boolean, LocalDate), the
 * same whichever engine answered it.
 */
public record Answer(List<String> columns, List<List<Object>> rows) {

    public Answer {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
