package com.propertyquality.review.marts;

import java.util.List;
import java.util.function.Function;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One mart of the registry: its name (the folder under marts/), what it holds, its declared columns, how Spark
 * computes it, and the marts it is computed from ({@code inputs}, read through {@link MartContext#mart}). A mart
 * built on another reads the other's written rows instead of computing them again: the formula stays in the one
 * mart, and the lake is not scanned twice for the same figures. The query's result passes through the declaration
 * ({@link MartColumns#select}): what is written is exactly the declared columns, in the declared order.
 */
public record Mart(String name, MartColumns columns, String description, List<String> inputs,
                   Function<MartContext, Dataset<Row>> query) {

    public Mart {
        inputs = List.copyOf(inputs);
        Function<MartContext, Dataset<Row>> computed = query;
        String mart = name;
        MartColumns declared = columns;
        query = context -> {
            Dataset<Row> result = computed.apply(context);
            try {
                return declared.select(result);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("mart " + mart + " differs from its declared columns: "
                        + e.getMessage(), e);
            }
        };
    }

    /** A mart computed from the lake alone. */
    public Mart(String name, MartColumns columns, String description, Function<MartContext, Dataset<Row>> query) {
        this(name, columns, description, List.of(), query);
    }
}
