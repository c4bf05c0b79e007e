package com.propertyquality.review.marts;

import java.util.function.Function;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One mart of the registry: its name (the folder under marts/), what it holds, and how Spark computes it.
 */
public record Mart(String name, String description, Function<MartContext, Dataset<Row>> query) {
}
