package com.propertyquality.review.marts;

import org.apache.spark.sql.types.DataType;

/**
 * One declared column of a mart: its name, its Spark type and what it holds. The declaration is the one place a
 * mart's columns are written down: the mart's query is checked against it, the packet reads the column through it
 * and data/README.md's column table is rendered from it.
 *
 * @param required the column is never null (documented as such; Spark's own nullability is not relied on)
 * @param meaning  the meaning or formula, as data/README.md shows it (Markdown)
 */
public record MartColumn(String name, DataType type, boolean required, String meaning) {

    public static MartColumn of(String name, DataType type, String meaning) {
        return new MartColumn(name, type, false, meaning);
    }

    public static MartColumn required(String name, DataType type, String meaning) {
        return new MartColumn(name, type, true, meaning);
    }

    /** The type as Spark SQL, the query views and {@code marts} name it: string, date, decimal(18,2), bigint, ... */
    public String logicalType() {
        return type.simpleString();
    }

    @Override
    public String toString() {
        return name;
    }
}
