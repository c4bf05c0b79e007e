package com.propertyquality.review.marts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What every mart is computed from: the lake, the return-rate threshold, the as-of date and the marts it is built
 * on. Marts depend on the data and the as-of date only, never on the clock during the run.
 *
 * @param asOf    the day "open", "overdue" and "older than 30 days" are judged at (aggregate --as-of, default today)
 * @param written the marts already written in this aggregation, by name; null to compute an input mart on the spot
 */
public record MartContext(SparkSession spark, LakeTables lake, BigDecimal returnThreshold, LocalDate asOf,
                          Function<String, Dataset<Row>> written) {

    /** A context that computes the marts a mart is built on from the lake, in the same query. */
    public MartContext(SparkSession spark, LakeTables lake, BigDecimal returnThreshold, LocalDate asOf) {
        this(spark, lake, returnThreshold, asOf, null);
    }

    /** An input mart: as written by this aggregation, or computed from the lake when nothing was written. */
    public Dataset<Row> mart(String name) {
        return written != null ? written.apply(name) : Marts.named(name).query().apply(this);
    }
}
