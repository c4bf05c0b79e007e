package com.propertyquality.review.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.contract.ImportTemplates;
import com.propertyquality.review.contract.Template;
import com.propertyquality.review.spark.SparkSessions;

/**
 * The plain-Spark peer: read each template's CSV files with Spark's CSV reader (header, schema inferred) and write
 * them as Parquet, nothing else: no validation, no rejects, no partitions. It is the floor any Spark-based ingest
 * stands on.
 */
final class SparkCsvPeer {

    private SparkCsvPeer() {
    }

    /** Converts every {@code <template>*.csv} of {@code input} to {@code out/<template>/}. */
    static void convert(Path input, Path out, String master) {
        SparkSession spark = SparkSessions.get(master, 4);
        for (String template : templates(input)) {
            String pattern = input.toAbsolutePath().resolve(template + "*.csv").toUri().toString();
            spark.read().option("header", "true").option("inferSchema", "true").csv(pattern)
                    .write().mode(SaveMode.Overwrite).parquet(out.toAbsolutePath().resolve(template).toUri().toString());
        }
    }

    /** The template prefixes present as CSV files (offices, households, feedback, ...). */
    static List<String> templates(Path input) {
        try (Stream<Path> files = Files.list(input)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .map(SparkCsvPeer::template).distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
    }

    /**
     * The template a file belongs to, by the prefix the ingest recognises: {@code feedback-2025-03.csv} →
     * {@code feedback}. The longest prefix wins ({@code survey-responses} before {@code survey}).
     */
    static String template(String fileName) {
        return ImportTemplates.all().stream().map(Template::name).filter(fileName::startsWith)
                .max(Comparator.comparingInt(String::length))
                .orElse(fileName.substring(0, fileName.length() - ".csv".length()));
    }
}
