package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import com.propertyquality.review.marts.CustomerMarts;
import com.propertyquality.review.marts.FeedbackMarts;
import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.Marts;

/**
 * What the report chapters read: the marts, and the review plan's tables of the lake (the plan is input, not a
 * figure; no mart copies it). Rows are maps of column name to value as Parquet gives them (Integer, Long, Double,
 * Boolean, String, LocalDate). Tests give hand-made rows; {@link WorkFolderSource} reads the work folder.
 *
 * Most marts have a row per office (and item, month, area...): thousands of rows at most, read whole. The marts of
 * {@link #ROW_BY_ROW} grow with the registers themselves (2.3 million rows of {@code feedback_summary} for a company
 * of 2,000 offices) and are only ever read a row at a time with {@link #eachOfYear}; reading one whole is refused,
 * so that no chapter can hold one in memory.
 */
public interface PacketSource {

    /** The marts read row by row, never whole. */
    Set<String> ROW_BY_ROW = Set.of(FeedbackMarts.FEEDBACK_SUMMARY, CustomerMarts.FOLLOW_UP_LIST);

    /** The company named on every page. */
    String companyName();

    /** The minimum survey return rate, as configured, as a fraction (0.60). */
    BigDecimal returnThreshold();

    /**
     * Every row of a mart, in the mart's order; an empty list when the mart has no rows.
     *
     * @throws IllegalArgumentException for a mart of {@link #ROW_BY_ROW}
     */
    List<Map<String, Object>> mart(String name);

    /**
     * Hands each row of a mart whose {@code year} column equals {@code year} to {@code action}, in the mart's order,
     * one at a time: the way to read the marts of {@link #ROW_BY_ROW} (any other mart too). A row holds
     * {@code columns} and {@code year} alone: a pass names what it reads, and the other columns of a mart of millions
     * of rows are never decoded (a fifth of a 2,000-office packet's time went to reading every column, five times).
     * Asking the row for a column not named fails, as for a column the mart lacks.
     *
     * @throws IllegalArgumentException for a column the mart does not declare
     */
    void eachOfYear(String name, int year, Collection<MartColumn> columns, Consumer<MartRow> action);

    /**
     * Every row of a lake dataset that is not personal data ({@code review_plan}, {@code review_attendees},
     * {@code review_objectives}, {@code review_events}, {@code review_audit_findings}, {@code review_department_reports},
     * {@code offices}).
     */
    List<Map<String, Object>> lake(String dataset);

    /** The rows of a mart whose {@code year} column equals {@code year}, in the mart's order. */
    default List<Map<String, Object>> martOfYear(String name, int year) {
        return mart(name).stream().filter(row -> Objects.equals(row.get("year"), year)).toList();
    }

    /**
     * The rows of a mart of one year and one office, in the mart's order (the office pages read every office's rows
     * of a dozen marts; a source may index them rather than scan the year's rows for each office).
     */
    default List<Map<String, Object>> martOfOffice(String name, int year, String officeId) {
        return martOfYear(name, year).stream().filter(row -> officeId.equals(row.get("office_id"))).toList();
    }

    /**
     * The company-wide rows of a mart and year ({@code office_id} null), in the mart's order (each office page
     * compares its figures with them; a source may keep them apart rather than scan the year's rows each time).
     */
    default List<Map<String, Object>> martOfCompany(String name, int year) {
        return martOfYear(name, year).stream().filter(row -> row.get("office_id") == null).toList();
    }

    /**
     * The rows of a lake dataset whose {@code year} column equals {@code year} (a source gives the year as an
     * Integer, as Spark reads the partition: {@link WorkFolderSource} turns the folder name into a number).
     */
    default List<Map<String, Object>> lakeOfYear(String dataset, int year) {
        return lake(dataset).stream().filter(row -> Objects.equals(row.get("year"), year)).toList();
    }

    /** Every row of a mart as {@link MartRow}s that know their mart's declared columns. */
    default List<MartRow> rows(String name) {
        return MartRow.of(Marts.named(name), mart(name));
    }

    /** The rows of {@link #martOfYear} as {@link MartRow}s that know their mart's declared columns. */
    default List<MartRow> rowsOfYear(String name, int year) {
        return MartRow.of(Marts.named(name), martOfYear(name, year));
    }

    /** The rows of {@link #martOfOffice} as {@link MartRow}s that know their mart's declared columns. */
    default List<MartRow> rowsOfOffice(String name, int year, String officeId) {
        return MartRow.of(Marts.named(name), martOfOffice(name, year, officeId));
    }

    /** The rows of {@link #martOfCompany} as {@link MartRow}s that know their mart's declared columns. */
    default List<MartRow> rowsOfCompany(String name, int year) {
        return MartRow.of(Marts.named(name), martOfCompany(name, year));
    }

    /**
     * The names of {@code columns} and {@code year}, for {@link #eachOfYear}.
     *
     * @throws IllegalArgumentException for a column {@code mart} does not declare
     */
    static Set<String> columnsRead(Mart mart, Collection<MartColumn> columns) {
        Set<String> names = new LinkedHashSet<>();
        names.add("year");
        for (MartColumn column : columns) {
            names.add(MartRow.declaredBy(mart, column));
        }
        return names;
    }

    /** The refusal of {@link #mart} for a mart of {@link #ROW_BY_ROW}. */
    static IllegalArgumentException readRowByRow(String name) {
        return new IllegalArgumentException("the mart " + name + " grows with the registers: read it row by row"
                + " (eachOfYear), not whole");
    }
}
