package com.propertyquality.review.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

/** Which session a run's queries get: interpreted below the line, the shared compiled one from it on. */
class QueryCompilationTest {

    private static final long LINE = 1L << 20;

    @Test
    void belowTheLineANewSessionInterpretsAndTheSharedSessionIsLeftAsItWas() {
        SparkSession shared = TestSpark.session();

        SparkSession small = QueryCompilation.forData(shared, LINE - 1, LINE);

        assertThat(small).isNotSameAs(shared);
        assertThat(small.sparkContext()).isSameAs(shared.sparkContext());
        assertThat(interprets(small)).isTrue();
        assertThat(interprets(shared)).isFalse();
        assertThat(interprets(QueryCompilation.forData(shared, 0, LINE))).as("an empty lake").isTrue();
        // what the setting means: no stage of generated code in the plan ("*(1)" marks one)
        assertThat(plan(small)).doesNotContain("*(");
        assertThat(plan(shared)).contains("*(1) Filter");
    }

    @Test
    void fromTheLineOnOrWhenTheSizeIsUnknownTheSharedSessionCompiles() {
        SparkSession shared = TestSpark.session();

        assertThat(QueryCompilation.forData(shared, LINE, LINE)).isSameAs(shared);
        assertThat(QueryCompilation.forData(shared, 10L * LINE, LINE)).isSameAs(shared);
        assertThat(QueryCompilation.forData(shared, -1, LINE)).as("size unknown").isSameAs(shared);
        assertThat(QueryCompilation.forData(shared, 0, 0)).as("a line of 0 compiles always").isSameAs(shared);
    }

    /** Whether a session's queries run interpreted: both of the settings. */
    private static boolean interprets(SparkSession session) {
        return QueryCompilation.INTERPRETED.equals(session.conf().get(QueryCompilation.FACTORY_MODE, "FALLBACK"))
                && "false".equals(session.conf().get(QueryCompilation.WHOLE_STAGE, "true"));
    }

    private static String plan(SparkSession session) {
        return session.range(10).selectExpr("id * 2 AS twice").filter("twice > 4").queryExecution().executedPlan()
                .toString();
    }
}
