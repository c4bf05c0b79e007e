package com.propertyquality.review.packet;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.marts.MartRows;

/** A {@link PacketSource} over a work folder; each mart or dataset is read once (a few hundred rows, no Spark). */
public final class WorkFolderSource implements PacketSource {

    /** The lake datasets a report may read: the review plan and the office register, never personal data. */
    static final Set<String> READABLE_DATASETS = Set.of("review_plan", "review_attendees", "review_objectives",
            "review_events", "review_department_reports", "offices");

    private final WorkFolder work;
    private final String companyName;
    private final BigDecimal threshold;
    private final MartRows marts;
    private final Map<String, List<Map<String, Object>>> read = new ConcurrentHashMap<>();

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
        return read.computeIfAbsent("mart:" + name, key -> marts.read(name));
    }

    @Override
    public List<Map<String, Object>> lake(String dataset) {
        if (!READABLE_DATASETS.contains(dataset)) {
            throw new IllegalArgumentException("reports do not read the lake dataset " + dataset);
        }
        return read.computeIfAbsent("lake:" + dataset,
                key -> ParquetRows.read(work.lake().resolve(dataset)).stream().map(WorkFolderSource::yearAsInt)
                        .toList());
    }

    /**
     * The review plan's tables are partitioned by {@code year=<yyyy>/}, and a partition value comes back from the
     * folder name as text; Spark reads it as an int, and so must the chapters ({@link #lakeOfYear} compares it with
     * an int). Other partition columns (office_id) are text anyway.
     */
    private static Map<String, Object> yearAsInt(Map<String, Object> row) {
        if (!(row.get("year") instanceof String text)) {
            return row;
        }
        Map<String, Object> typed = new LinkedHashMap<>(row);
        typed.put("year", Integer.valueOf(text));
        return typed;
    }
}
