package com.propertyquality.review.marts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.lake.StoragePath;

/**
 * Writes a mart as a Parquet dataset under the marts folder, replacing the previous one only once the new one
 * is complete: Spark writes into a hidden temporary folder, which is then renamed into place.
 * A mart's query puts its rows in order in one partition ({@link MartOrder}).
 */
public final class MartWriter {

    private final SparkSession spark;
    private final StoragePath marts;

    public MartWriter(SparkSession spark, StoragePath marts) {
        this.spark = spark;
        this.marts = marts;
    }

    public void write(String name, Dataset<Row> mart) {
        org.apache.hadoop.fs.Path target = marts.resolve(name).path();
        org.apache.hadoop.fs.Path temporary = marts.resolve("_tmp").resolve(name + "-" + UUID.randomUUID()).path();
        // marts are small: one file each is easier to hand to a spreadsheet or a colleague
        mart.coalesce(1).write().mode(SaveMode.Overwrite).parquet(temporary.toString());
        try {
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            org.apache.hadoop.fs.Path old = new org.apache.hadoop.fs.Path(temporary + "-old");
            if (fs.exists(target) && !fs.rename(target, old)) {
                throw new IOException("cannot move the old " + name + " aside");
            }
            fs.mkdirs(target.getParent());
            if (!fs.rename(temporary, target)) {
                throw new IOException("cannot move the new " + name + " into place");
            }
            fs.delete(old, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mart " + name, e);
        }
    }
}
