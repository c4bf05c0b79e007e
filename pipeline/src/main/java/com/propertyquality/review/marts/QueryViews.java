package com.propertyquality.review.marts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.ReviewPlanTables;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.StoragePath;

/**
 * The analysts' view of the data: every built mart and every lake dataset registered as a Spark SQL temporary
 * view under its own name. The private dataset of personal data is never registered, and SQL straight on files
 * (SELECT ... FROM parquet.`path`) is switched off, so a query cannot reach it.
 */
public final class QueryViews {

    private QueryViews() {
    }

    /** Registers the views and returns their names, lake datasets first. */
    public static List<String> register(SparkSession spark, StoragePath lake, StoragePath marts) {
        spark.conf().set("spark.sql.runSQLOnFiles", "false");
        List<String> views = new ArrayList<>();
        LakeTables tables = new LakeTables(spark, lake);
        for (Template template : published()) {
            tables.read(template).createOrReplaceTempView(template.dataset());
            views.add(template.dataset());
        }
        for (Mart mart : Marts.all()) {
            StoragePath folder = marts.resolve(mart.name());
            if (folder.isDirectory()) {
                spark.read().parquet(folder.toString()).createOrReplaceTempView(mart.name());
                views.add(mart.name());
            }
        }
        return views;
    }

    /**
     * The templates whose lake datasets are published as views. A template's own dataset never holds personal
     * data: that is in {@code <dataset>_private}, which no view reads.
     */
    public static List<Template> published() {
        return Stream.concat(ImportTemplates.all().stream(),
                Stream.concat(Stream.of(ReviewPlanTables.PLAN), ReviewPlanTables.PARTS.stream())).toList();
    }

    public static Dataset<Row> run(SparkSession spark, String sql) {
        return spark.sql(sql);
    }
}
