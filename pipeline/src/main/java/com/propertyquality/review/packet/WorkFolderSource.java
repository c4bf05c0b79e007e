package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.MartColumn;
import com.propertyquality.review.marts.MartRows;
import com.propertyquality.review.marts.Marts;

/**
 * A {@link PacketSource} over a work folder, without Spark. Each mart or dataset read whole is read once and kept
 * (rows per office at most: thousands); the marts of {@link #ROW_BY_ROW} are streamed from their files at each
 * {@link #eachOfYear} and never kept.
 */
public final class WorkFolderSource implements PacketSource {

    /** The lake datasets a report may read: the review plan and the office register, never personal data. */
    static final Set<String> READABLE_DATASETS = Set.of("review_plan", "review_attendees", "review_objectives",
            "review_events", "review_audit_findings", "review_department_reports", "offices");

    private final WorkFolder work;
    private final String companyName;
    private final BigDecimal threshold;
    private final MartRows marts;
    // three maps, since filling one entry reads another: a map's computeIfAbsent may not update the map itself
    private final Map<String, List<Map<String, Object>>> read = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, Object>>> ofYear = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<Map<String, Object>>>> byOffice = new ConcurrentHashMap<>();

    public WorkFolderSource(WorkFolder work, String companyName, BigDecimal threshold) {
        this.work = work;
        this.companyName = companyName;
        this.threshold = threshold;
        this.marts = new MartRows(work.marts());
    }

    @Override
    public String companyName() {
        return companyName;
    }

    @Override
    public BigDecimal returnThreshold() {
        return threshold;
    }

    @Override
    public List<Map<String, Object>> mart(String name) {
        if (ROW_BY_ROW.contains(name)) {
            throw PacketSource.readRowByRow(name);
        }
        return read.computeIfAbsent("mart:" + name, key -> marts.read(name));
    }

    /** A year's rows, kept once filtered: chapters and office pages ask for the same year many times. */
    @Override
    public List<Map<String, Object>> martOfYear(String name, int year) {
        return ofYear.computeIfAbsent(name + ":" + year, key -> PacketSource.super.martOfYear(name, year));
    }

    /** A mart of {@link #ROW_BY_ROW} read from its files, only the named columns; any other projected from its rows. */
    @Override
    public void eachOfYear(String name, int year, Collection<MartColumn> columns, Consumer<MartRow> action) {
        Mart mart = Marts.named(name);
        Set<String> read = PacketSource.columnsRead(mart, columns);
        if (!ROW_BY_ROW.contains(name)) {
            martOfYear(name, year).forEach(row -> action.accept(new MartRow(projected(row, read), mart)));
            return;
        }
        marts.forEachOfYear(name, year, read, row -> action.accept(new MartRow(row, mart)));
    }

    /** The row's values of {@code columns} that it holds, in its order. */
    static Map<String, Object> projected(Map<String, Object> row, Set<String> columns) {
        Map<String, Object> kept = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            if (columns.contains(column)) {
                kept.put(column, value);
            }
        });
        return kept;
    }

    /** The year's rows grouped by office once per mart and year, so that 2,000 office pages do not rescan them. */
    @Override
    public List<Map<String, Object>> martOfOffice(String name, int year, String officeId) {
        return byOffice(name, year).getOrDefault(officeId, List.of());
    }

    /** The year's company-wide rows, kept apart in the same grouping. */
    @Override
    public List<Map<String, Object>> martOfCompany(String name, int year) {
        return byOffice(name, year).getOrDefault(null, List.of());
    }

    /** The year's rows by office_id, the company-wide rows (null) included: a HashMap takes a null key. */
    private Map<String, List<Map<String, Object>>> byOffice(String name, int year) {
        return byOffice.computeIfAbsent(name + ":" + year, key -> {
            Map<String, List<Map<String, Object>>> grouped = new LinkedHashMap<>();
            for (Map<String, Object> row : martOfYear(name, year)) {
                Object office = row.get("office_id");
                if (office == null || office instanceof String) {
                    grouped.computeIfAbsent((String) office, id -> new ArrayList<>()).add(row);
                }
            }
            return grouped;
        });
    }

    @Override
    public List<Map<String, Object>> lake(String dataset) {
        if (!READABLE_DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("reports do not read the lake dataset " + dataset);
        }
        return read.computeIfAbsent("lake:" + dataset,
                key -> work.openLake(Lake.DEFAULT_BUFFER_ROWS).readAll(dataset));
    }
}
