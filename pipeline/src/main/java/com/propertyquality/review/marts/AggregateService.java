package com.propertyquality.review.marts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.springframework.stereotype.Service;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.metrics.SurveyReturnRate;
import com.propertyquality.review.spark.SparkSessions;

/** Reads the lake with Spark and writes every mart. */
@Service
public class AggregateService {

    private final ReviewProperties properties;
    private final WorkFolder work;

    public AggregateService(ReviewProperties properties, WorkFolder work) {
        this.properties = properties;
        this.work = work;
    }

    /**
     * Computes and writes every mart of the registry.
     *
     * @param asOf the day open and overdue items are judged at
     * @return each mart written, with its row count
     */
    public Map<String, Long> aggregate(LocalDate asOf) {
        SparkSession spark = SparkSessions.get(properties.spark().master(), properties.spark().shufflePartitions());
        MartContext context = new MartContext(spark, new LakeTables(spark, work.lake()),
                SurveyReturnRate.checkThreshold(properties.returns().threshold()), asOf);
        MartWriter writer = new MartWriter(spark, work.marts());
        Map<String, Long> written = new LinkedHashMap<>();
        for (Mart mart : Marts.all()) {
            Dataset<Row> cached = mart.query().apply(context).cache();
            writer.write(mart.name(), cached);
            written.put(mart.name(), cached.count());
            cached.unpersist();
        }
        return written;
    }
}
