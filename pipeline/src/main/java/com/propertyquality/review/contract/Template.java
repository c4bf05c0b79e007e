package com.propertyquality.review.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An import template as data: the file-name prefix that identifies it, its columns, its unique key and how
 * its lake dataset is partitioned. The load is the same for every template; only this definition differs.
 *
 * @param name        the file-name prefix and the template's name (survey-responses)
 * @param dataset     the lake dataset it loads into (survey_responses)
 * @param chineseName the form's Chinese name
 * @param columns     in the order of the contract
 * @param key         the unique key; a repeated key in one load is rejected as a duplicate
 * @param partitionBy lake partition columns; a load replaces exactly the partitions its rows fall in
 */
public record Template(String name, String dataset, String chineseName, List<ColumnSpec> columns,
                       List<String> key, List<String> partitionBy) {

    public Template {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        partitionBy = List.copyOf(partitionBy);
        for (String column : key) {
            indexOf(columns, column);
        }
        for (String column : partitionBy) {
            if (!columns.get(indexOf(columns, column)).required()) {
                throw new IllegalArgumentException("partition column must be required: " + column);
            }
        }
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

    /** Columns stored in the data files, that is all but the partition columns. */
    public List<ColumnSpec> dataColumns() {
        List<ColumnSpec> data = new ArrayList<>();
        for (ColumnSpec column : columns) {
            if (!partitionBy.contains(column.name())) {
                data.add(column);
            }
        }
        return data;
    }

    /** True when a file name (without folders) belongs to this template: its prefix, case-insensitively. */
    public boolean matchesFileName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).startsWith(name);
    }
}
