package com.propertyquality.review.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.propertyquality.review.support.TestSpark;

class SparkSessionsTest {

    /**
     * Spark reads the size of its cache of compiled generated code from the context's configuration when code is
     * first generated; with its default of 100 a JVM that aggregates twice compiled every mart's code twice.
     */
    @Test
    void keepsTheCompiledCodeOfEveryMart() {
        String entries = TestSpark.session().sparkContext().getConf().get(SparkSessions.CODEGEN_CACHE_ENTRIES, "100");
        assertThat(Integer.parseInt(entries)).isGreaterThanOrEqualTo(1000);
    }
}
