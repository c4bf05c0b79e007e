package com.propertyquality.review.marts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.springframework.stereotype.Service;

import com.propertyquality.review.config.ReviewProperties;
import com.propertyquality.review.config.WorkFolder;
import com.propertyquality.review.lake.ParquetRows;
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

    /** One mart written: its rows and how long it took. */
    public record Written(long rows, double seconds) {
    }

    /**
     * Computes and writes every mart of the registry.
     *
     * @param asOf the day open and overdue items are judged at
     * @return each mart written, with its row count and time
     */
    public Map<String, Written> aggregate(LocalDate asOf) {
        SparkSession spark = SparkSessions.get(properties.spark().master(), properties.spark().shufflePartitions());
        MartContext context = new MartContext(spark, new LakeTables(spark, work.lake()),
                SurveyReturnRate.checkThreshold(properties.returns().threshold()), asOf);
        MartWriter writer = new MartWriter(spark, work.marts());
        Map<String, Written> written = new LinkedHashMap<>();
        for (Mart mart : Marts.all()) {
            long started = System.nanoTime();
            writer.write(mart.name(), mart.query().apply(context));
            // the row count comes from the written file's footer: no second Spark job
            long rows = ParquetRows.countRows(work.marts().resolve(mart.name()));
            written.put(mart.name(), new Written(rows, (System.nanoTime() - started) / 1e9));
        }
        return written;
    }
}
