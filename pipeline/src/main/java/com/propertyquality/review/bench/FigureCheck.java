package com.propertyquality.review.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import com.propertyquality.review.lake.ParquetRows;
import com.propertyquality.review.lake.StoragePath;
import com.propertyquality.review.marts.MartRows;

/**
 * Holds a peer's figures (DuckDB's, plain Spark's) against our marts: every key the peer has must be in the mart
 * with the same counts, and rates equal to within 1e-12 (both divide the same integers in double precision); the
 * mart may not have keys the peer lacks. Returns the differences: the first few per figure, then how many more.
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
    private static final char SEPARATOR = '\u001f';
    private static final String NULL = "\u0000";

    private FigureCheck() {
    }

    /**
     * The differences of one figure; empty when the peer's figure equals our mart. Both sides are read a row at a
     * time and our side is held as a key and the compared values only: {@code feedback_summary} has 2.25 million
     * rows at scale 10, too many to hold as rows within the benchmark's own 2 GB heap.
     */
    static List<String> compare(String peer, String figure, Path peerFigures, Path marts) {
        List<String> keys = COLUMNS.get(figure).get(0);
        List<String> values = COLUMNS.get(figure).get(1);
        Map<String, Object[]> byKey = new HashMap<>();
        long[] oursWithData = {0};
        new MartRows(marts).forEach(figure, row -> {
            if (figure.equals("complaint_pareto") && row.get("office_id") != null) {
                return; // the company-wide rows only
            }
            byKey.put(key(row, keys), compared(row, values));
            if (!(figure.equals("survey_returns") && Long.valueOf(0).equals(row.get("forms_returned"))
                    && row.get("forms_distributed") == null)) {
                oursWithData[0]++;
            }
        });
        // the first few differences, and how many there were: a peer that disagrees everywhere differs millions
        // of times at scale 10
        List<String> differences = new ArrayList<>();
        long[] counted = {0};
        Consumer<String> difference = text -> {
            if (counted[0]++ < SHOWN) {
                differences.add(text);
            }
        };
        long[] matched = {0};
        ParquetRows.forEach(StoragePath.local(peerFigures.resolve(figure)), row -> {
            String key = key(row, keys);
            Object[] mine = byKey.get(key);
            if (mine == null) {
                difference.accept(figure + " " + shown(key) + ": not in our mart");
                return;
            }
            matched[0]++;
            for (int i = 0; i < values.size(); i++) {
                Object theirs = row.get(values.get(i));
                if (!same(theirs, mine[i])) {
                    difference.accept(figure + " " + shown(key) + " " + values.get(i) + ": " + peer + " " + theirs
                            + ", ours " + mine[i]);
                }
            }
        });
        if (counted[0] > SHOWN) {
            differences.add(figure + ": " + (counted[0] - SHOWN) + " more differences");
        }
        if (matched[0] != oursWithData[0]) {
            differences.add(figure + ": our mart has " + oursWithData[0] + " rows with data, " + peer + " matched "
                    + matched[0]);
        }
        return differences;
    }

    /**
     * The key's values as one string, for a small map: whole numbers as longs whatever their type, a separator no
     * code contains between values, and a null told apart from the text "null".
     */
    private static String key(Map<String, Object> row, List<String> columns) {
        StringBuilder key = new StringBuilder();
        for (String column : columns) {
            Object value = row.get(column);
            key.append(value == null ? NULL : value instanceof Number n ? Long.toString(n.longValue()) : value)
                    .append(SEPARATOR);
        }
        return key.toString();
    }

    /** A key as a message shows it: [2025, 1, O001, …]. */
    private static String shown(String key) {
        List<String> values = new ArrayList<>();
        for (String value : key.split(String.valueOf(SEPARATOR), -1)) {
            values.add(value.equals(NULL) ? "null" : value);
        }
        return values.subList(0, values.size() - 1).toString();
    }

    private static Object[] compared(Map<String, Object> row, List<String> columns) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(columns.get(i));
        }
        return values;
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
