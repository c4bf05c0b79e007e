package com.propertyquality.review.marts;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.Lake;
import com.propertyquality.review.lake.LakeCatalog;
import com.propertyquality.review.lake.StoragePath;

/**
 * The analysts' view of the data: every built mart and every lake dataset registered as a Spark SQL temporary
 * view under its own name. The private tables of personal data are never registered, SQL straight on files
 * (SELECT ... FROM parquet.`path`) is switched off, and the query doors refuse any name but a view's (a
 * catalog's table, review.private.x, included), so a query cannot reach them.
 */
public final class QueryViews {

    private QueryViews() {
    }

    /** Registers the views of a lake whose catalog is in its folder. */
    public static List<String> register(SparkSession spark, StoragePath lake, StoragePath marts) {
        return register(spark, LakeCatalog.inLake(lake), marts);
    }

    /** Registers the views and returns their names, lake datasets first. */
    public static List<String> register(SparkSession spark, LakeCatalog lake, StoragePath marts) {
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
        return Lake.templates();
    }

    public static Dataset<Row> run(SparkSession spark, String sql) {
        return spark.sql(sql);
    }
}
