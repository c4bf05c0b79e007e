package com.propertyquality.review.marts;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.spark.sql.SparkSession;

/**
 * What every mart is computed from: the lake, the return-rate threshold and the as-of date. Marts depend on
 * the data and the as-of date only, never on the clock during the run.
 *
 * @param asOf the day "open", "overdue" and "older than 30 days" are judged at (aggregate --as-of, default today)
 */
public record MartContext(SparkSession spark, LakeTables lake, BigDecimal returnThreshold, LocalDate asOf) {
}
