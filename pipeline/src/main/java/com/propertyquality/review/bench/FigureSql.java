package com.propertyquality.review.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.propertyquality.review.metrics.MainFactors;
import com.propertyquality.review.metrics.Rating;
import com.propertyquality.review.metrics.SurveyItem;

/**
 * What the peers' SQL shares: the survey items and rating codes, from the same enums the marts use, and the one
 * figure whose SQL is the same in DuckDB's and Spark's dialect (complaint_pareto: standard windows).
 */
final class FigureSql {

    /** The survey items' columns, comma-separated. */
    static final String ITEMS = Arrays.stream(SurveyItem.values()).map(SurveyItem::code)
            .collect(Collectors.joining(", "));
    /** The qualified ratings as SQL string literals, comma-separated. */
    static final String QUALIFIED = literals(Rating.qualifiedCodes());
    /** The unsatisfied ratings as SQL string literals, comma-separated. */
    static final String UNSATISFIED = literals(Rating.unsatisfiedCodes());

    /** Company-wide complaints per area and year, ranked, with the cumulative share and the main factors. */
    static final String COMPLAINT_PARETO = """
            WITH c AS (SELECT CAST(year(CAST(received_on AS DATE)) AS INT) AS year, area, count(*) AS complaints
                       FROM feedback WHERE kind = 'complaint' GROUP BY 1, 2),
                 ranked AS (SELECT *, sum(complaints) OVER (PARTITION BY year) AS scope_complaints,
                                   row_number() OVER (PARTITION BY year ORDER BY complaints DESC, area) AS rank,
                                   sum(complaints) OVER (PARTITION BY year ORDER BY complaints DESC, area
                                                         ROWS UNBOUNDED PRECEDING) AS cumulative
                            FROM c)
            SELECT year, area, complaints, CAST(rank AS INT) AS rank,
                   cumulative / scope_complaints AS cumulative_share,
                   (cumulative - complaints) < %s * scope_complaints AS main_factor
            FROM ranked ORDER BY year, rank""".formatted(MainFactors.THRESHOLD.toPlainString());

    private FigureSql() {
    }

    private static String literals(List<String> codes) {
        return codes.stream().map(code -> "'" + code + "'").collect(Collectors.joining(", "));
    }
}
