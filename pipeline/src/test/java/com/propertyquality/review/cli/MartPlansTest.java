package com.propertyquality.review.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.marts.LakeTables;
import com.propertyquality.review.marts.Mart;
import com.propertyquality.review.marts.MartContext;
import com.propertyquality.review.marts.Marts;
import com.propertyquality.review.metrics.ReviewCutOff;
import com.propertyquality.review.support.SampleReview;
import com.propertyquality.review.support.TestSpark;

/**
 * How the marts' queries are planned, as {@code aggregate} runs them on the sample's lake. A mart is written as one
 * sorted file; sorting it globally would make Spark sample the rows first to choose ranges, a job that computes the
 * mart's last stage once more before computing it for real.
 */
class MartPlansTest {

    private static final String RANGE = "rangepartitioning";

    @Test
    void noMartSamplesItsRowsToSortThem() {
        assertThat(SampleReview.result().status()).as(SampleReview.result().err()).isZero();
        var spark = TestSpark.session();
        LakeTables lake = new LakeTables(spark, SampleReview.work().resolve("lake"));
        MartContext context = new MartContext(spark, lake, new BigDecimal("0.6"),
                ReviewCutOff.asOf(LocalDate.of(2025, 12, 31)),
                name -> spark.read().parquet(SampleReview.work().resolve("marts").resolve(name).toString()));

        // the check itself: a plain global sort of a mart's rows is planned with the range partitioning it looks for
        Dataset<Row> returns = context.mart("survey_returns");
        assertThat(plan(returns.orderBy("office_id"))).contains(RANGE);

        for (Mart mart : Marts.all()) {
            assertThat(plan(mart.query().apply(context))).as("plan of " + mart.name()).doesNotContain(RANGE);
        }
    }

    private static String plan(Dataset<Row> rows) {
        return rows.queryExecution().executedPlan().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
