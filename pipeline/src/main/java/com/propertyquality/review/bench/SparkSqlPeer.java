package com.propertyquality.review.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import com.propertyquality.review.metrics.SurveyItem;
import com.propertyquality.review.spark.SparkSessions;

/**
 * The plain Spark SQL peer of the marts: the four compared figures computed by Spark SQL in its own JVM from the
 * Parquet that {@link SparkCsvPeer} wrote (a few large files per template, no lake, no catalog, no validation), with
 * SQL written straight from data/README.md's formulas. What a Spark job costs for the same figures, against which
 * our aggregate is measured; its figures are compared with ours by {@link FigureCheck}.
 */
final class SparkSqlPeer {

    /** The figures computed, by the name of the mart they are compared with. */
    static final Map<String, String> FIGURES = figures();

    private SparkSqlPeer() {
    }

    /** Each figure from {@code loaded/<template>/}, written to {@code out/figures/<mart>/}. */
    static void figures(Path loaded, Path out, String master) {
        SparkSession spark = SparkSessions.get(master, 4);
        for (String template : new String[] {"survey-distribution", "survey-responses", "feedback"}) {
            spark.read().parquet(loaded.toAbsolutePath().resolve(template).toUri().toString())
                    .createOrReplaceTempView(template.replace('-', '_'));
        }
        for (Map.Entry<String, String> figure : FIGURES.entrySet()) {
            spark.sql(figure.getValue()).coalesce(1).write().mode(SaveMode.Overwrite)
                    .parquet(out.toAbsolutePath().resolve("figures").resolve(figure.getKey()).toUri().toString());
        }
    }

    /**
     * The SQL of each figure, from the same enums the marts use for the items and the rating scale
     * ({@link FigureSql}). A rate over a zero denominator is null ({@code nullif}), as the formulas say (Spark's
     * ANSI mode would fail instead).
     */
    private static Map<String, String> figures() {
        String qualified = FigureSql.QUALIFIED;
        String unsatisfied = FigureSql.UNSATISFIED;
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("survey_returns", """
                WITH d AS (SELECT CAST(year AS INT) AS year, CAST(office_id AS STRING) AS office_id,
                                  CAST(forms_distributed AS BIGINT) AS forms_distributed FROM survey_distribution),
                     r AS (SELECT CAST(year AS INT) AS year, CAST(office_id AS STRING) AS office_id,
                                  count(*) AS forms_returned FROM survey_responses GROUP BY 1, 2)
                SELECT coalesce(d.year, r.year) AS year, coalesce(d.office_id, r.office_id) AS office_id,
                       d.forms_distributed, coalesce(r.forms_returned, 0) AS forms_returned,
                       r.forms_returned / nullif(d.forms_distributed, 0) AS return_rate
                FROM d FULL JOIN r ON d.year = r.year AND d.office_id = r.office_id
                ORDER BY 1, 2""");
        figures.put("satisfaction_by_office", """
                WITH ratings AS (SELECT year, office_id, rating
                                 FROM (SELECT year, office_id, %s FROM survey_responses)
                                 UNPIVOT (rating FOR item IN (%s)))
                SELECT CAST(year AS INT) AS year, CAST(office_id AS STRING) AS office_id,
                       count_if(rating IN (%s)) AS qualified, count_if(rating IN (%s)) AS unsatisfied,
                       count_if(rating IN (%s)) / nullif(count_if(rating IN (%s)) + count_if(rating IN (%s)), 0)
                           AS satisfaction_rate
                FROM ratings GROUP BY 1, 2 ORDER BY 1, 2""".formatted(asStrings(), FigureSql.ITEMS, qualified,
                unsatisfied, qualified, qualified, unsatisfied));
        figures.put("feedback_summary", """
                SELECT CAST(year(CAST(received_on AS DATE)) AS INT) AS year,
                       CAST(month(CAST(received_on AS DATE)) AS INT) AS month, CAST(office_id AS STRING) AS office_id,
                       channel, kind, area, coalesce(nullif(severity, ''), 'normal') AS severity,
                       count(*) AS entries, count_if(status = 'closed') AS closed
                FROM feedback GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7""");
        figures.put("complaint_pareto", FigureSql.COMPLAINT_PARETO);
        return Collections.unmodifiableMap(figures);
    }

    /** The rating columns as strings: a column Spark's CSV reader found empty is typed otherwise. */
    private static String asStrings() {
        return Arrays.stream(SurveyItem.values()).map(SurveyItem::code)
                .map(item -> "CAST(" + item + " AS STRING) AS " + item).collect(Collectors.joining(", "));
    }
}
