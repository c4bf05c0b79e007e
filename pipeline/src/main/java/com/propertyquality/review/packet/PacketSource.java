package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the report chapters read: the marts, and the review plan's tables of the lake (the plan is input, not a
 * figure; no mart copies it). Rows are maps of column name to value as Parquet gives them (Integer, Long, Double,
 * Boolean, String, LocalDate). Tests give hand-made rows; {@link WorkFolderSource} reads the work folder.
 */
public interface PacketSource {

    /** The company named on every page. */
    String companyName();

    /** The minimum survey return rate, as configured, as a fraction (0.60). */
    BigDecimal returnThreshold();

    /** Every row of a mart, in the mart's order; an empty list when the mart has no rows. */
    List<Map<String, Object>> mart(String name);

    /**
     * Every row of a lake dataset that is not personal data ({@code review_plan}, {@code review_attendees},
     * {@code review_objectives}, {@code review_events}, {@code review_department_reports}, {@code offices}).
     */
    List<Map<String, Object>> lake(String dataset);

    /** The rows of a mart whose {@code year} column equals {@code year}, in the mart's order. */
    default List<Map<String, Object>> martOfYear(String name, int year) {
        return mart(name).stream().filter(row -> Objects.equals(row.get("year"), year)).toList();
    }

    /**
     * The rows of a lake dataset whose {@code year} column equals {@code year} (a source gives the year as an
     * Integer, as Spark reads the partition: {@link WorkFolderSource} turns the folder name into a number).
     */
    default List<Map<String, Object>> lakeOfYear(String dataset, int year) {
        return lake(dataset).stream().filter(row -> Objects.equals(row.get("year"), year)).toList();
    }
}
