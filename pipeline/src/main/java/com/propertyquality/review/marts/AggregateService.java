package com.propertyquality.review.marts;

import java.math.BigDecimal;
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

    /** @return each mart written, with its row count */
    public Map<String, Long> aggregate() {
        SparkSession spark = SparkSessions.get(properties.spark().master(), properties.spark().shufflePartitions());
        LakeTables lake = new LakeTables(spark, work.lake());
        MartWriter writer = new MartWriter(spark, work.marts());
        SurveyMarts survey = new SurveyMarts(spark, lake);
        BigDecimal threshold = SurveyReturnRate.checkThreshold(properties.returns().threshold());

        Map<String, Dataset<Row>> marts = new LinkedHashMap<>();
        marts.put(SurveyMarts.SURVEY_RETURNS, survey.surveyReturns(threshold));
        marts.put(SurveyMarts.SATISFACTION_BY_OFFICE, survey.satisfactionByOffice());
        marts.put(SurveyMarts.SATISFACTION_BY_ITEM, survey.satisfactionByItem());
        marts.put(SurveyMarts.SATISFACTION_COMPANY, survey.satisfactionCompany());

        Map<String, Long> written = new LinkedHashMap<>();
        marts.forEach((name, mart) -> {
            Dataset<Row> cached = mart.cache();
            writer.write(name, cached);
            written.put(name, cached.count());
            cached.unpersist();
        });
        return written;
    }
}
