package com.propertyquality.review.marts;


import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.contract.Template;
import com.propertyquality.review.lake.LakeSchemas;
import com.propertyquality.review.lake.StoragePath;

/**
 * The lake's datasets as Spark DataFrames, read with the schema the contract defines (partition columns
 * included), so types never depend on inference. A dataset not loaded yet reads as empty.
 */
public final class LakeTables {

    private final SparkSession spark;
    private final StoragePath lake;

    /** The tables of a lake on the local disk. */
    public LakeTables(SparkSession spark, java.nio.file.Path lake) {
        this(spark, StoragePath.local(lake));
    }

    public LakeTables(SparkSession spark, StoragePath lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /** The template's private dataset (personal data): for a mart that masks it, never for a view. */
    Dataset<Row> readPrivate(Template template) {
        StoragePath folder = lake.resolve(template.privateDataset());
        if (!folder.isDirectory()) {
            return spark.createDataFrame(java.util.List.of(), LakeSchemas.sparkPrivateSchema(template));
        }
        return spark.read().schema(LakeSchemas.sparkPrivateSchema(template)).parquet(folder.toString());
    }

    /** Each dataset is listed once per aggregation, however many marts read it. */
    private final java.util.Map<String, Dataset<Row>> read = new java.util.concurrent.ConcurrentHashMap<>();

    public Dataset<Row> read(Template template) {
        return read.computeIfAbsent(template.dataset(), dataset -> load(template));
    }

    private Dataset<Row> load(Template template) {
        StoragePath folder = lake.resolve(template.dataset());
        if (!folder.isDirectory()) {
            return spark.createDataFrame(java.util.List.of(), LakeSchemas.sparkSchema(template));
        }
        return spark.read().schema(LakeSchemas.sparkSchema(template)).parquet(folder.toString());
    }
}
