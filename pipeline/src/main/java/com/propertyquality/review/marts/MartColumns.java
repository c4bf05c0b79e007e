package com.propertyquality.review.marts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The declared columns of one mart, in the order the mart stores them. */
public record MartColumns(List<MartColumn> columns) {

    public MartColumns {
        columns = List.copyOf(columns);
        Set<String> names = new LinkedHashSet<>();
        for (MartColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column " + column.name() + " declared twice");
            }
        }
    }

    public static MartColumns of(MartColumn... columns) {
        return new MartColumns(List.of(columns));
    }

    /** These columns without the given ones, in the same order: a mart that keeps part of another's columns. */
    public MartColumns without(MartColumn... left) {
        Set<String> out = new LinkedHashSet<>();
        for (MartColumn column : left) {
            out.add(column.name());
        }
        return new MartColumns(columns.stream().filter(c -> !out.contains(c.name())).toList());
    }

    public List<String> names() {
        return columns.stream().map(MartColumn::name).toList();
    }

    /** The columns as a Spark schema, for fixtures built by hand. */
    public StructType schema() {
        StructType schema = new StructType();
        for (MartColumn column : columns) {
            schema = schema.add(column.name(), column.type(), !column.required());
        }
        return schema;
    }

    /**
     * The query's columns in the declared order. Fails, naming the columns, when the query lacks a declared column,
     * has one that is not declared, or gives one another type than declared: a type is checked, not cast, so a
     * query that changes a column's type is caught here and not hidden.
     */
    public Dataset<Row> select(Dataset<Row> query) {
        Map<String, StructField> fields = new LinkedHashMap<>();
        for (StructField field : query.schema().fields()) {
            fields.put(field.name(), field);
        }
        List<String> problems = new ArrayList<>();
        for (MartColumn column : columns) {
            StructField field = fields.get(column.name());
            if (field == null) {
                problems.add("declared column " + column.name() + " is missing from the query");
            } else if (!field.dataType().simpleString().equals(column.logicalType())) {
                problems.add("column " + column.name() + " is " + field.dataType().simpleString()
                        + ", declared " + column.logicalType());
            }
        }
        Set<String> declared = new LinkedHashSet<>(names());
        for (String name : fields.keySet()) {
            if (!declared.contains(name)) {
                problems.add("column " + name + " is not declared");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
        return query.select(columns.stream().map(c -> query.col(c.name())).toArray(Column[]::new));
    }
}
