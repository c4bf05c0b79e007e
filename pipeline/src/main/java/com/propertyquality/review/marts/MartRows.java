package com.propertyquality.review.marts;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.lake.StoragePath;

/**
 * The marts as rows, read without Spark: the reports and check-returns read a mart's few hundred rows in
 * milliseconds instead of starting a SparkSession.
 */
public final class MartRows {

    private final StoragePath marts;

    public MartRows(StoragePath marts) {
        this.marts = marts;
    }

    /** The marts of a local folder. */
    public MartRows(Path marts) {
        this(StoragePath.local(marts));
    }

    /** Every row of a mart; fails with a clear message when the mart has not been built. */
    public List<Map<String, Object>> read(String mart) {
        return ParquetRows.read(folder(mart));
    }

    /** Every row of a mart, one at a time in the mart's order, for marts too big to hold whole. */
    public void forEach(String mart, Consumer<Map<String, Object>> action) {
        ParquetRows.forEach(folder(mart), action);
    }

    /**
     * The rows of one year with {@code columns} alone (and {@code year}), one at a time in the mart's order: the other
     * columns are never decoded, and a part of the file holding other years only is skipped.
     */
    public void forEachOfYear(String mart, int year, Set<String> columns, Consumer<Map<String, Object>> action) {
        ParquetRows.forEachWhere(folder(mart), columns, "year", year, action);
    }

    /** The mart's folder; fails with a clear message when the mart has not been built. */
    private StoragePath folder(String mart) {
        StoragePath folder = marts.resolve(mart);
        if (!folder.isDirectory()) {
            throw new IllegalStateException("mart " + mart + " not found in " + marts
                    + ": run `aggregate` (or `review`) first");
        }
        return folder;
    }

    /** The rows of one year, in the mart's order. */
    public List<Map<String, Object>> readYear(String mart, int year) {
        return read(mart).stream().filter(row -> Objects.equals(row.get("year"), year)).toList();
    }

    /** The latest survey year of the survey_returns mart, if any. */
    public OptionalInt latestSurveyYear() {
        return read(SurveyMarts.SURVEY_RETURNS).stream()
                .map(row -> (Integer) row.get("year"))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }
}
