package com.propertyquality.review.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.marts.MartRows;

/**
 * Holds a peer's figures (DuckDB's, plain Spark's) against our marts: every key the peer has must be in the mart
 * with the same counts, and rates equal to within 1e-12 (both divide the same integers in double precision); the
 * mart may not have keys the peer lacks. Returns the differences, at most a few per figure.
 */
final class FigureCheck {

    /** The key columns and the compared columns of each figure. */
    private static final Map<String, List<List<String>>> COLUMNS = Map.of(
            "survey_returns", List.of(List.of("year", "office_id"),
                    List.of("forms_distributed", "forms_returned", "return_rate")),
            "satisfaction_by_office", List.of(List.of("year", "office_id"),
                    List.of("qualified", "unsatisfied", "satisfaction_rate")),
            "feedback_summary", List.of(List.of("year", "month", "office_id", "channel", "kind", "area", "severity"),
                    List.of("entries", "closed")),
            "complaint_pareto", List.of(List.of("year", "area"),
                    List.of("complaints", "rank", "cumulative_share", "main_factor")));

    private static final int SHOWN = 5;

    private FigureCheck() {
    }

    /** The differences of one figure; empty when the peer's figure equals our mart. */
    static List<String> compare(String peer, String figure, Path peerFigures, Path marts) {
        List<String> keys = COLUMNS.get(figure).get(0);
        List<String> values = COLUMNS.get(figure).get(1);
        List<Map<String, Object>> ours = new MartRows(marts).read(figure);
        if (figure.equals("complaint_pareto")) {
            ours = ours.stream().filter(row -> row.get("office_id") == null).toList(); // the company-wide rows
        }
        Map<List<Object>, Map<String, Object>> byKey = new HashMap<>();
        for (Map<String, Object> row : ours) {
            byKey.put(key(row, keys), row);
        }
        List<Map<String, Object>> theirs = ParquetRows.read(peerFigures.resolve(figure));
        List<String> differences = new ArrayList<>();
        int matched = 0;
        for (Map<String, Object> row : theirs) {
            Map<String, Object> mine = byKey.get(key(row, keys));
            if (mine == null) {
                differences.add(figure + " " + key(row, keys) + ": not in our mart");
                continue;
            }
            matched++;
            for (String column : values) {
                if (!same(row.get(column), mine.get(column))) {
                    differences.add(figure + " " + key(row, keys) + " " + column + ": " + peer + " "
                            + row.get(column) + ", ours " + mine.get(column));
                }
            }
        }
        long oursWithData = ours.stream().filter(row -> !(figure.equals("survey_returns")
                && Long.valueOf(0).equals(row.get("forms_returned")) && row.get("forms_distributed") == null))
                .count();
        if (matched != oursWithData) {
            differences.add(figure + ": our mart has " + oursWithData + " rows with data, " + peer + " matched "
                    + matched);
        }
        return differences.size() > SHOWN ? List.copyOf(differences.subList(0, SHOWN)) : differences;
    }

    private static List<Object> key(Map<String, Object> row, List<String> columns) {
        List<Object> key = new ArrayList<>();
        for (String column : columns) {
            Object value = row.get(column);
            key.add(value instanceof Number n ? (Object) n.longValue() : value);
        }
        return key;
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            if (a instanceof Double || b instanceof Double) {
                return Math.abs(x.doubleValue() - y.doubleValue()) <= 1e-12;
            }
            return x.longValue() == y.longValue();
        }
        return Objects.equals(a, b);
    }
}
