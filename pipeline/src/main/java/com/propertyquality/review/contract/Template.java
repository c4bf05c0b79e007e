package com.propertyquality.review.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An import template as data: the file-name prefix that identifies it, its columns, its unique key, its rules
 * over several columns, and how its lake dataset is partitioned. The load is the same for every template; only
 * this definition differs.
 *
 * @param name           the file-name prefix and the template's name (survey-responses)
 * @param dataset        the lake dataset it loads into (survey_responses)
 * @param chineseName    the form's Chinese name
 * @param columns        in the order of the contract
 * @param key            the unique key; a repeated key in one load is rejected as a duplicate
 * @param partitionBy    lake partition columns; a load replaces exactly the partitions its rows fall in. A
 *                       partition column named {@code year} that is not a template column is derived from the
 *                       date column {@code yearFrom}
 * @param yearFrom       the date column the derived {@code year} partition comes from, or null
 * @param rules          rules over several columns
 * @param privateColumns personal data: stored only in the private dataset {@code <dataset>_private}, with the
 *                       key and the partition columns, never in the main dataset
 */
public record Template(String name, String dataset, String chineseName, List<ColumnSpec> columns,
                       List<String> key, List<String> partitionBy, String yearFrom, List<RowRule> rules,
                       List<String> privateColumns) {

    public static final String YEAR = "year";

    public Template {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        partitionBy = List.copyOf(partitionBy);
        rules = List.copyOf(rules);
        privateColumns = List.copyOf(privateColumns);
        for (String column : key) {
            indexOf(columns, column);
        }
        for (String column : privateColumns) {
            indexOf(columns, column);
        }
        if (yearFrom != null && columns.get(indexOf(columns, yearFrom)).type() != ValueType.DATE) {
            throw new IllegalArgumentException("the year of " + name + " must come from a date column");
        }
        for (String column : partitionBy) {
            if (column.equals(YEAR) && yearFrom != null) {
                continue;
            }
            indexOf(columns, column);
        }
    }

    /** A template whose partition columns are all its own columns, with no rule over several columns. */
    public Template(String name, String dataset, String chineseName, List<ColumnSpec> columns, List<String> key,
                    List<String> partitionBy) {
        this(name, dataset, chineseName, columns, key, partitionBy, null, List.of(), List.of());
    }

    public int indexOf(String column) {
        return indexOf(columns, column);
    }

    private static int indexOf(List<ColumnSpec> columns, String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no such column: " + column);
    }

    /** True when the partition column is derived (the year of {@link #yearFrom}), not a template column. */
    public boolean derivesYear() {
        return yearFrom != null && partitionBy.contains(YEAR);
    }

    /** The column a header cell names, in English (any case) or Chinese; empty for an unknown header. */
    public Optional<ColumnSpec> columnForHeader(String header) {
        String cleaned = header.strip();
        String lower = cleaned.toLowerCase(Locale.ROOT);
        for (ColumnSpec column : columns) {
            if (column.name().equals(lower) || column.chinese().equals(cleaned)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Columns stored in the main dataset's files: all but the partition columns and the personal data. */
    public List<ColumnSpec> dataColumns() {
        List<ColumnSpec> data = new ArrayList<>();
        for (ColumnSpec column : columns) {
            if (!partitionBy.contains(column.name()) && !privateColumns.contains(column.name())) {
                data.add(column);
            }
        }
        return data;
    }

    /** Columns stored in the private dataset's files: the key (minus partition columns) and the personal data. */
    public List<ColumnSpec> privateDataColumns() {
        List<ColumnSpec> data = new ArrayList<>();
        for (ColumnSpec column : columns) {
            boolean keyColumn = key.contains(column.name()) && !partitionBy.contains(column.name());
            if (keyColumn || privateColumns.contains(column.name())) {
                data.add(column);
            }
        }
        return data;
    }

    public boolean hasPrivateData() {
        return !privateColumns.isEmpty();
    }

    public String privateDataset() {
        return dataset + "_private";
    }

    /** True when a file name (without folders) belongs to this template: its prefix, case-insensitively. */
    public boolean matchesFileName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).startsWith(name);
    }
}
