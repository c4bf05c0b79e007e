package com.propertyquality.review.marts;

import java.util.List;
import java.util.function.Function;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One mart of the registry: its name (the folder under marts/), what it holds, how Spark computes it, and the
 * marts it is computed from ({@code inputs}, read through {@link MartContext#mart}). A mart built on another reads
 * the other's written rows instead of computing them again: the formula stays in the one mart, and the lake is
 * not scanned twice for the same figures.
 */
public record Mart(String name, String description, List<String> inputs, Function<MartContext, Dataset<Row>> query) {

    public Mart {
        inputs = List.copyOf(inputs);
    }

    /** A mart computed from the lake alone. */
    public Mart(String name, String description, Function<MartContext, Dataset<Row>> query) {
        this(name, description, List.of(), query);
    }
}
