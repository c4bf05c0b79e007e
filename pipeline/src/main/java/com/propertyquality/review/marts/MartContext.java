package com.propertyquality.review.marts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Function;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.metrics.ReviewCutOff;

/**
 * What every mart is computed from: the lake, the return-rate threshold, the review years' cut-off and the marts it
 * is built on. Marts depend on the data and the cut-off only, never on the clock: a year's figures are judged at
 * that year's cut-off (31 December by default), or at the one day of {@code aggregate --as-of}.
 *
 * @param cutOff  the day each review year is judged at ("open", "overdue", "older than 30 days", the 12 months)
 * @param written the marts already written in this aggregation, by name; null to compute an input mart on the spot
 */
public record MartContext(SparkSession spark, LakeTables lake, BigDecimal returnThreshold, ReviewCutOff cutOff,
                          Function<String, Dataset<Row>> written) {

    /** A context that computes the marts a mart is built on from the lake, in the same query. */
    public MartContext(SparkSession spark, LakeTables lake, BigDecimal returnThreshold, ReviewCutOff cutOff) {
        this(spark, lake, returnThreshold, cutOff, null);
    }

    /** Every year judged at one day (what {@code --as-of} does); tests use it for hand-computed dates. */
    public MartContext(SparkSession spark, LakeTables lake, BigDecimal returnThreshold, LocalDate asOf) {
        this(spark, lake, returnThreshold, ReviewCutOff.asOf(asOf), null);
    }

    /** An input mart: as written by this aggregation, or computed from the lake when nothing was written. */
    public Dataset<Row> mart(String name) {
        return written != null ? written.apply(name) : Marts.named(name).query().apply(this);
    }
}
